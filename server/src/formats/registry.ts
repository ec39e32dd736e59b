// The input formats, by id, by editor language and by file name. A new format is one module here.
import type { Format } from '../model/format';
import { jsonFormat } from './json';
import { terraformFormat } from './terraform';
import { yamlFormat } from './yaml';

export const FORMATS: readonly Format[] = [jsonFormat, yamlFormat, terraformFormat];

export type FormatId = 'json' | 'yaml' | 'terraform';

const BY_LANGUAGE: Readonly<Record<string, Format>> = {
  json: jsonFormat,
  jsonc: jsonFormat,
  yaml: yamlFormat,
  yml: yamlFormat,
  cloudformation: yamlFormat,
  terraform: terraformFormat,
  hcl: terraformFormat,
};

const BY_EXTENSION: ReadonlyArray<readonly [string, Format]> = [
  ['.json', jsonFormat],
  ['.jsonc', jsonFormat],
  ['.yaml', yamlFormat],
  ['.yml', yamlFormat],
  ['.tf', terraformFormat],
];

/** The file extensions the CLI looks for in directories (`.template` may hold either JSON or YAML). */
export const POLICY_FILE_EXTENSIONS = [...BY_EXTENSION.map(([extension]) => extension), '.template'];

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function formatForLanguage(languageId: string): Format | undefined {
  return BY_LANGUAGE[languageId];
}

/** Picks the reader from a file name when no editor language id is known (the CLI). */
export function formatForFile(fileName: string, text: string): Format {
  const lower = fileName.toLowerCase();
  const known = BY_EXTENSION.find(([extension]) => lower.endsWith(extension));
  if (known) return known[1];
  // .template and other names: JSON starts with "{" (after any BOM or blanks), YAML does not.
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? jsonFormat : yamlFormat;
}

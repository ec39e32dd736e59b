// How a value or key is written back into the document: JSON always quotes; YAML keeps the quote the
// user started with and otherwise quotes only what a plain scalar cannot hold.
import type { DocumentFormat } from '../model/document';
import type { Slot } from '../model/locate';
import type { ObjectNode } from '../model/tree';

const YAML_PLAIN_UNSAFE_START = /^[-?:,\[\]{}#&*!|>'"%@`\s]/;
const YAML_SPECIAL_WORDS = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)$/i;

export function quoteValue(value: string, format: DocumentFormat, quote: Slot['quote']): string {
  if (format === 'json' || quote === '"') return JSON.stringify(value);
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  const plainOk =
    value.length > 0 &&
    !YAML_PLAIN_UNSAFE_START.test(value) &&
    !value.includes(': ') &&
    !value.includes(' #') &&
    !value.endsWith(':') &&
    !YAML_SPECIAL_WORDS.test(value);
  return plainOk ? value : JSON.stringify(value);
}

/** Escapes text for a snippet body (outside placeholders). */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A quoted value whose inner text is already a snippet. */
export function quoteSnippet(snippet: string, format: DocumentFormat, quote: Slot['quote']): string {
  if (format === 'json' || quote === '"') return `"${snippet}"`;
  if (quote === "'") return `'${snippet}'`;
  return `"${snippet}"`;
}

/** For a JSON insertion between entries: whether a comma is needed before and after the offset. */
export function jsonCommas(container: ObjectNode | undefined, offset: number): { before: boolean; after: boolean } {
  if (!container) return { before: false, after: false };
  const commas = container.commas ?? [];
  const previous = [...container.properties].reverse().find((p) => p.end <= offset);
  const next = container.properties.find((p) => p.start >= offset);
  const before = previous !== undefined && !commas.some((c) => c >= previous.end && c < offset);
  const after = next !== undefined && !commas.some((c) => c >= offset && c < next.start);
  return { before, after };
}

// The invariants of ARCHITECTURE.md that a test can keep: which folder may import which, that no
// feature or rule names an input format, and that nothing outside the catalogue names a service.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers';

/** The layers, lowest first: each may import itself and what is listed (see ARCHITECTURE.md, "Code map"). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  'server/src/iam': [],
  'server/src/model': ['server/src/iam'],
  'server/src/catalog': ['server/src/iam', 'server/data'],
  'server/src/formats': ['server/src/model', 'server/src/iam'],
  'server/src/facts': ['server/src/catalog', 'server/src/model', 'server/src/iam'],
  'server/src/rules': ['server/src/facts', 'server/src/catalog', 'server/src/model', 'server/src/iam'],
  'server/src/simulate': ['server/src/model', 'server/src/iam'],
  'server/src/protocol.ts': ['server/src/simulate'],
  'server/src/features': [
    'server/src/rules',
    'server/src/simulate',
    'server/src/facts',
    'server/src/catalog',
    'server/src/model',
    'server/src/iam',
    'server/src/protocol.ts',
  ],
  'server/src/service.ts': [
    'server/src/features',
    'server/src/rules',
    'server/src/formats',
    'server/src/simulate',
    'server/src/catalog',
    'server/src/model',
    'server/src/iam',
    'server/src/protocol.ts',
  ],
  'server/src/documents.ts': ['server/src/rules', 'server/src/catalog', 'server/src/model'],
  'server/src/text-buffer.ts': [],
  'server/src/pacing.ts': [],
  'server/src/server.ts': [
    'server/src/service.ts',
    'server/src/documents.ts',
    'server/src/text-buffer.ts',
    'server/src/pacing.ts',
    'server/src/formats',
    'server/src/rules',
    'server/src/simulate',
    'server/src/model',
    'server/src/protocol.ts',
  ],
  'server/src/main.ts': ['server/src/server.ts'],
  'server/src/api.ts': ['server/src/formats', 'server/src/simulate', 'server/src/iam'],
  'server/src/cli.ts': ['server/src/cli', 'server/src/rules', 'server/src/simulate', 'server/src/server.ts'],
  'server/src/cli': ['server/src/service.ts', 'server/src/formats', 'server/src/rules', 'server/src/simulate', 'server/src/iam', 'server/src/protocol.ts'],
  'client/src': ['server/src/protocol.ts', 'server/src/iam'],
};

function sources(directory: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...sources(path));
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

/** The layer a repository path belongs to: the longest key of MAY_IMPORT it starts with. */
function layerOf(path: string): string | undefined {
  const keys = Object.keys(MAY_IMPORT).filter((key) => path === key || path.startsWith(`${key}/`) || path.startsWith(`${key}.`));
  return keys.sort((a, b) => b.length - a.length)[0];
}

const FILES = [...sources(join(repoRoot, 'server', 'src')), ...sources(join(repoRoot, 'client', 'src'))].map((file) => ({
  path: relative(repoRoot, file),
  text: readFileSync(file, 'utf8'),
}));

/** Relative imports of a file, as repository paths. */
function importsOf(file: { path: string; text: string }): string[] {
  const found: string[] = [];
  for (const match of file.text.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)';$/gm)) {
    const target = relative(repoRoot, resolve(repoRoot, dirname(file.path), match[1]!));
    found.push(existsSync(join(repoRoot, `${target}.ts`)) ? `${target}.ts` : target);
  }
  return found;
}

/** Code without comments and without the text of string literals that are sentences (user-facing words). */
function code(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//') && !line.trimStart().startsWith('*') && !line.trimStart().startsWith('/*'))
    .join('\n');
}

describe('architecture', () => {
  test('every source file belongs to a layer', () => {
    assert.deepEqual(
      FILES.map((f) => f.path).filter((path) => !layerOf(path)),
      [],
    );
  });

  test('each layer imports only the layers below it (ARCHITECTURE.md, "Code map")', () => {
    const violations: string[] = [];
    for (const file of FILES) {
      const from = layerOf(file.path)!;
      for (const target of importsOf(file)) {
        const to = layerOf(target) ?? (target.startsWith('server/data') ? 'server/data' : target);
        if (to === from || MAY_IMPORT[from]!.includes(to)) continue;
        violations.push(`${file.path} imports ${target} (${from} → ${to})`);
      }
    }
    assert.deepEqual(violations, []);
  });

  test('no feature, rule or other layer below the registry names an input format', () => {
    const names = /'json'|'yaml'|'jsonc'|'yml'|'hcl'|jsonFormat|yamlFormat|terraformFormat|format\.id\b|formats\//;
    const offenders = FILES.filter((f) => /^server\/src\/(features|rules|facts|model|simulate|catalog|iam)\//.test(f.path)).filter((f) =>
      names.test(code(f.text)),
    );
    assert.deepEqual(
      offenders.map((f) => f.path),
      [],
    );
  });

  test('nothing outside the catalogue names a service in code: it asks the catalogue (DEFAULT_SERVICE for defaults)', () => {
    const offenders = FILES.filter((f) => !f.path.startsWith('server/src/catalog/')).filter((f) => /'profile'|"profile"/.test(code(f.text)));
    assert.deepEqual(
      offenders.map((f) => f.path),
      [],
    );
  });
});

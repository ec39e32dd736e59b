// The injection grammar, run by vscode-textmate (VS Code's own tokenizer) inside stand-in JSON and
// YAML host grammars that produce the string scopes the real ones produce.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { readRepoFile, repoRoot } from '../helpers';

const INJECTION = 'source.iam-policy.injection';
const hosts: Record<string, object> = {
  'source.json': {
    scopeName: 'source.json',
    patterns: [
      { match: '("[^"]*")(\\s*:)', captures: { 1: { name: 'string.json support.type.property-name.json' } } },
      { begin: '"', end: '"', name: 'string.quoted.double.json' },
    ],
  },
  'source.yaml': {
    scopeName: 'source.yaml',
    patterns: [
      { match: '^\\s*([A-Za-z]+)(:)', captures: { 1: { name: 'entity.name.tag.yaml' } } },
      // Like VS Code's YAML grammar, a plain scalar is a begin/end region: injections can enter it.
      { begin: '(?<=- |: )(?=[^\\s#"\'])', end: '(?=\\s*#|\\s*$)', name: 'string.unquoted.plain.out.yaml' },
    ],
  },
};

async function loadGrammars(): Promise<{ json: IGrammar; yaml: IGrammar }> {
  const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName === INJECTION) return parseRawGrammar(readRepoFile('syntaxes', 'iam-policy.injection.tmLanguage.json'), 'injection.json');
      const host = hosts[scopeName];
      return host ? parseRawGrammar(JSON.stringify(host), `${scopeName}.json`) : null;
    },
    getInjections: (scopeName) => (scopeName in hosts ? [INJECTION] : undefined),
  });
  return { json: (await registry.loadGrammar('source.json'))!, yaml: (await registry.loadGrammar('source.yaml'))! };
}

/** token text → its innermost scope, for the tokens the injection scoped. */
function scopes(grammar: IGrammar, line: string): Record<string, string> {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  const found: Record<string, string> = {};
  for (const token of tokens) {
    const scope = token.scopes[token.scopes.length - 1]!;
    if (scope.endsWith('.iam')) found[line.slice(token.startIndex, token.endIndex)] = scope;
  }
  return found;
}

describe('injection grammar', async () => {
  const grammars = await loadGrammars();
  for (const format of ['json', 'yaml'] as const) {
    const wrap = (value: string) => (format === 'json' ? `    "${value}",` : `  - ${value}`);
    test(`actions and wildcards [${format}]`, () => {
      const found = scopes(grammars[format], wrap('profile:Get*'));
      assert.equal(found['profile'], 'entity.name.namespace.service.profile.iam');
      assert.equal(found['Get'], 'entity.name.function.action.iam');
      assert.equal(found['*'], 'keyword.operator.wildcard.iam');
      assert.equal(scopes(grammars[format], wrap('kms:Decrypt'))['kms'], 'entity.name.namespace.service.iam');
    });
    test(`ARN parts and policy variables [${format}]`, () => {
      const found = scopes(grammars[format], wrap('arn:aws:profile:us-east-1:111122223333:domains/${aws:username}'));
      assert.equal(found['arn'], 'keyword.other.arn.iam');
      assert.equal(found['aws'], 'constant.language.partition.iam');
      assert.equal(found['us-east-1'], 'constant.other.region.iam');
      assert.equal(found['111122223333'], 'constant.numeric.account.iam');
      assert.equal(found['domains/'], 'entity.name.type.resource.iam');
      assert.equal(found['}'], 'punctuation.definition.variable.end.iam');
    });
  }
  test('keys are left alone', () => {
    assert.deepEqual(scopes(grammars.json, '  "profile:Key": 1'), {});
    assert.deepEqual(scopes(grammars.yaml, 'Action: x'), {});
  });
});

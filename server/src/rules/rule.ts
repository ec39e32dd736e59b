// The rule framework: each rule group is a module with its rules (metadata, and the quick fixes that
// answer them) and check functions called once per document, policy and statement in one pass over
// the model. Rule ids are string literal types: a check can only report, and a setting only name,
// a rule that is declared.
import type { Catalog } from '../catalog/catalog';
import type { PolicyDocument } from '../model/document';
import { replaceScalar, type OffsetEdit } from '../model/edits';
import type { Slot } from '../model/locate';
import type { Policy, Statement } from '../model/policy';
import type { StringNode } from '../model/tree';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface FindingData {
  readonly suggestions?: readonly string[];
  /** A syntax problem's repair, as its reader knows it. */
  readonly repair?: 'quote' | 'remove';
}

export interface Finding<Id extends string = string> {
  readonly ruleId: Id;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** Rule-specific facts for quick fixes, e.g. suggested replacements. */
  readonly data?: FindingData;
}

/** A quick fix: a title and the edits that make it. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  /** The first fix of a finding is preferred unless it says otherwise. */
  readonly preferred?: boolean;
}

/** Where a finding is, for its fixes: the string it covers (if it is one), its slot, policy and statement. */
export interface FixTarget {
  readonly document: PolicyDocument;
  readonly catalog: Catalog;
  readonly slot: Slot | undefined;
  readonly node: StringNode | undefined;
  readonly policy: Policy | undefined;
  readonly statement: Statement | undefined;
}

export interface RuleSpec {
  readonly severity: Severity;
  /** One line for lists and SARIF. */
  readonly title: string;
  /** Why it matters and how to fix it (markdown); the source of docs/rules.md. */
  readonly description: string;
  /** The AWS check or peer rule it corresponds to, where there is one. */
  readonly references?: readonly string[];
  /** What it reports on AWS's own managed policies, and why that is right (test/unit/corpus.test.ts). */
  readonly corpus?: string;
  /** Reported in any document, policy or not: a limit that stopped the reading, so what the file holds cannot be told. */
  readonly anyDocument?: true;
  /** The quick fixes for one of its findings. */
  readonly fix?: (finding: Finding, target: FixTarget) => readonly Fix[];
}

export type RuleSpecs = Readonly<Record<string, RuleSpec>>;

/** A rule with its id: what docs, settings and SARIF list. */
export interface RuleMeta extends RuleSpec {
  /** Stable id: shown as the diagnostic code, used in settings. Never renamed. */
  readonly id: string;
}

export interface RuleContext<Id extends string = string> {
  readonly document: PolicyDocument;
  readonly catalog: Catalog;
  /** severity: for this finding, where the rule's default depends on what it found; a user's setting still wins. */
  report(ruleId: Id, at: Range, message: string, data?: FindingData, severity?: Severity): void;
}

export interface RuleGroup<Id extends string = string> {
  readonly name: string;
  readonly rules: { readonly [K in Id]: RuleSpec };
  checkDocument?(context: RuleContext<Id>): void;
  checkPolicy?(policy: Policy, context: RuleContext<Id>): void;
  checkStatement?(statement: Statement, context: RuleContext<Id>): void;
}

/** Declares a rule group; its checks may report only its own rule ids. */
export function defineRules<Id extends string>(group: RuleGroup<Id>): RuleGroup<Id> {
  return group;
}

/** The common fix: replace the reported string by each suggestion the finding carries. */
export function replaceBySuggestions(finding: Finding, target: FixTarget): Fix[] {
  const { node, document } = target;
  if (!node) return [];
  return (finding.data?.suggestions ?? []).map((s) => ({
    title: `Change to "${s}"`,
    edits: [replaceScalar(document, node, s)],
  }));
}

/** "a" or "an" before a word of a message, by its first letter ("an alias", "an IpAddress… operator"). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

// The rule framework: each rule group is a module with metadata for its rules and check functions
// called once per document, policy and statement in one pass over the model.
import type { Catalog } from '../catalog/catalog';
import type { PolicyDocument } from '../model/document';
import type { Policy, Statement } from '../model/policy';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

export interface RuleMeta {
  /** Stable id: shown as the diagnostic code, used in settings. Never renamed. */
  readonly id: string;
  readonly severity: Severity;
  /** One line for lists and SARIF. */
  readonly title: string;
  /** Why it matters and how to fix it (markdown); the source of docs/rules.md. */
  readonly description: string;
  /** The AWS check or peer rule it corresponds to, where there is one. */
  readonly references?: readonly string[];
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** Rule-specific facts for quick fixes, e.g. suggested replacements. */
  readonly data?: FindingData;
}

export interface FindingData {
  readonly suggestions?: readonly string[];
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface RuleContext {
  readonly document: PolicyDocument;
  readonly catalog: Catalog;
  report(ruleId: string, at: Range, message: string, data?: FindingData): void;
}

export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly RuleMeta[];
  checkDocument?(context: RuleContext): void;
  checkPolicy?(policy: Policy, context: RuleContext): void;
  checkStatement?(statement: Statement, context: RuleContext): void;
}

// The simulation's request and its explained result, shared by the engine, the LSP request, the CLI
// and the library API.

/** Undetermined: the answer depends on values only the deployment decides (a CloudFormation Fn::GetAtt, a resource's Ref). */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny' | 'Undetermined';

export interface SimulationRequest {
  readonly action: string;
  readonly resource: string;
  /** Condition keys of the request: a string, or a list for multivalued keys. Names ignore case. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  /** Values of the template's parameters and pseudo parameters (`AWS::AccountId`), for Ref and Fn::Sub. */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** Offsets in the policy text: start inclusive, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ElementTrace {
  readonly element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'none';
  readonly matched: boolean;
  /** Not matched, but only because a value is decided at deploy time: it may match. */
  readonly undetermined?: boolean;
  readonly reason: string;
  /** The policy value that decided it, if one did. */
  readonly value?: string;
  readonly span?: Span;
}

export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  readonly matched: boolean;
  /** Not matched, but only because a value is decided at deploy time: it may match. */
  readonly undetermined?: boolean;
  readonly reason: string;
  /** The policy's values after variable substitution. */
  readonly values: readonly string[];
  /** The request's values for the key; absent when the key is missing. */
  readonly requestValues?: readonly string[];
  readonly span?: Span;
}

export interface StatementTrace {
  readonly index: number;
  readonly sid?: string;
  readonly effect: string;
  /** Action, resource and every condition matched. */
  readonly applies: boolean;
  /** Whether it applies depends on values decided at deploy time. */
  readonly undetermined?: boolean;
  readonly reason: string;
  readonly span: Span;
  readonly action: ElementTrace;
  readonly resource: ElementTrace;
  readonly conditions: readonly ConditionTrace[];
}

export interface SimulationResult {
  readonly decision: Decision;
  readonly reason: string;
  readonly statements: readonly StatementTrace[];
}

// The simulation's request and its explained result, shared by the engine, the LSP request, the CLI
// and the library API.

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface SimulationRequest {
  readonly action: string;
  readonly resource: string;
  /** Condition keys of the request: a string, or a list for multivalued keys. Names ignore case. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** Offsets in the policy text: start inclusive, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ElementTrace {
  readonly element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'none';
  readonly matched: boolean;
  readonly reason: string;
  /** The policy value that decided it, if one did. */
  readonly value?: string;
  readonly span?: Span;
}

export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  readonly matched: boolean;
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

// Custom requests between the VS Code client and the server (also usable from any LSP client).
import type { Position, Range } from 'vscode-languageserver-types';
import type { ConditionTrace, Decision, ElementTrace, SimulationRequest, StatementTrace } from './simulate/types';

export type SimulationScope = 'statement' | 'policy';

/** What the simulation under a position would cover: used to prefill the client's questions. */
export const SimulationTargetRequest = 'profilePolicy/simulationTarget';
export interface SimulationTargetParams {
  readonly uri: string;
  readonly position: Position;
  readonly scope: SimulationScope;
}
export interface ContextKeyInfo {
  readonly key: string;
  readonly multivalued: boolean;
  /** Values the policy compares the key with (after the first), as hints. */
  readonly examples: readonly string[];
}
export interface SimulationTarget {
  readonly scope: SimulationScope;
  readonly label: string;
  /** profile actions the statement (or policy) names, wildcards expanded, in catalogue order. */
  readonly actions: readonly string[];
  /** Every profile action, for "any action". */
  readonly allActions: readonly string[];
  /** The ARNs written in the statement(s), and templates for the resource types they accept. */
  readonly resources: readonly string[];
  readonly contextKeys: readonly ContextKeyInfo[];
}

export const SimulateRequest = 'profilePolicy/simulate';
export interface SimulateParams extends SimulationTargetParams {
  readonly request: SimulationRequest;
}

export interface RangedElementTrace extends Omit<ElementTrace, 'span'> {
  readonly range?: Range;
}
export interface RangedConditionTrace extends Omit<ConditionTrace, 'span'> {
  readonly range?: Range;
}
export interface RangedStatementTrace extends Omit<StatementTrace, 'span' | 'action' | 'resource' | 'conditions'> {
  readonly range: Range;
  readonly action: RangedElementTrace;
  readonly resource: RangedElementTrace;
  readonly conditions: readonly RangedConditionTrace[];
}
export interface SimulateResult {
  readonly decision: Decision;
  readonly reason: string;
  readonly label: string;
  readonly request: SimulationRequest;
  readonly statements: readonly RangedStatementTrace[];
}

/** Every profile action against one resource and context: the table of "Simulate all actions". */
export const SimulateAllRequest = 'profilePolicy/simulateAll';
export interface SimulateAllParams extends SimulationTargetParams {
  readonly resource: string;
  readonly context: SimulationRequest['context'];
}
export interface SimulateAllResult {
  readonly label: string;
  readonly rows: ReadonlyArray<{ readonly action: string; readonly accessLevel: string; readonly decision: Decision; readonly reason: string }>;
}

export const SIMULATE_COMMAND = 'profilePolicy.simulateStatement';

/** How much the server holds: open documents, cached analyses, heap. For tests and troubleshooting. */
export const ServerStatsRequest = 'profilePolicy/serverStats';
export interface ServerStats {
  readonly documents: number;
  readonly analyses: number;
  readonly heapUsed: number;
}

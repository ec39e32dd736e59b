// Custom requests between the VS Code client and the server (also usable from any LSP client).
import type { CompletionItem, Position, Range } from 'vscode-languageserver-types';
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
  /** Values a request could carry for the conditions on the key to hold (from the values they compare it with); the first prefills the question. */
  readonly examples: readonly string[];
}
export interface SimulationTarget {
  readonly scope: SimulationScope;
  readonly label: string;
  /** The actions the statement (or policy) names, wildcards expanded, in catalogue order. */
  readonly actions: readonly string[];
  /** The services the statement (or policy) names; Customer Profiles when it names none. */
  readonly services: ReadonlyArray<{ readonly prefix: string; readonly name: string }>;
  /** Every action of those services, for "any action". */
  readonly allActions: readonly string[];
  /** Access level and description of each action above, for the picker. */
  readonly actionInfo: Readonly<
    Record<
      string,
      {
        readonly accessLevel: string;
        readonly description: string;
        /** The action acts on no resource type (profile:ListDomains): its requests are for "*". */
        readonly noResource?: true;
      }
    >
  >;
  /** The action the position is on, when it is on one: the picker preselects it. */
  readonly cursorAction?: string;
  /** The ARNs written in the statement(s), and templates for the resource types they accept. */
  readonly resources: readonly string[];
  readonly contextKeys: readonly ContextKeyInfo[];
  /** Template parameters the statement(s) read through Ref or Fn::Sub, with their defaults: asked where there is none. */
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly default?: string }>;
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
  /** What is wrong with the request itself (an unknown action, a malformed ARN): the decision may be a typo's. */
  readonly warnings: readonly string[];
  readonly statements: readonly RangedStatementTrace[];
}

/** Every action of some services against one resource and context: the table of "Simulate all actions". */
export const SimulateAllRequest = 'profilePolicy/simulateAll';
export interface SimulateAllParams extends SimulationTargetParams {
  readonly resource: string;
  readonly context: SimulationRequest['context'];
  readonly parameters?: SimulationRequest['parameters'];
  /** Service prefixes whose actions to simulate; the target's services when left out. */
  readonly services?: readonly string[];
}
export interface SimulateAllResult {
  readonly label: string;
  readonly rows: ReadonlyArray<{ readonly action: string; readonly accessLevel: string; readonly decision: Decision; readonly reason: string }>;
}

export const SIMULATE_COMMAND = 'profilePolicy.simulateStatement';

/**
 * A client command: go on to the active snippet's next tab stop and open the completion list there. A
 * condition operator accepted into the Condition snippet carries it, so the key's list follows. A client
 * names the commands it has in `initializationOptions.commands`; the server sends only those.
 */
export const SUGGEST_AT_NEXT_STOP_COMMAND = 'profilePolicy.suggestAtNextStop';

/** What a client may pass at initialize: its settings, and the client commands above it has. */
export interface InitializationOptions {
  readonly settings?: unknown;
  readonly commands?: readonly string[];
}

/** A whole new document to start from: a policy, or a CloudFormation template holding one, as a snippet. */
export const NewPolicyRequest = 'profilePolicy/newPolicy';
export type NewPolicyKind = 'policy' | 'managed-policy' | 'role';
export interface NewPolicyParams {
  readonly kind: NewPolicyKind;
  readonly format: 'json' | 'yaml' | 'terraform';
}
export interface NewPolicyResult {
  readonly languageId: string;
  /** LSP snippet syntax: tab stops for the names and the first statement. */
  readonly snippet: string;
}

/**
 * How a condition's line in a trace is titled, in the editor's view and the CLI's text alike: the
 * operator, then the reason, which names the key itself where it can (else the key is written first).
 */
export function conditionLine(condition: Pick<ConditionTrace, 'operator' | 'key' | 'reason'>): string {
  return condition.reason.startsWith(`${condition.key} `) || condition.reason.startsWith(`every value of ${condition.key} `)
    ? `${condition.operator}: ${condition.reason}`
    : `${condition.operator} ${condition.key}: ${condition.reason}`;
}

/**
 * The question for a condition key's value in the editor's simulation: what the key is, and where the
 * value offered comes from. remembered: the value the user wrote for the key in an earlier run, which
 * is offered instead of the example, so the prompt names the example that meets this policy.
 */
export function contextKeyPrompt(key: ContextKeyInfo, remembered: string | undefined): string {
  const example = key.examples[0];
  const source =
    remembered === undefined
      ? example
        ? " The value offered meets the policy's condition on it (for a negated one, the value it excludes)."
        : ''
      : example && example !== remembered
        ? ` The value offered is the one you gave in an earlier run; ${example} meets this policy's condition.`
        : ' The value offered is the one you gave in an earlier run.';
  return `${key.key}${key.multivalued ? ' (several values: separate them with commas)' : ''}. Leave empty when the request does not carry this key.${source}`;
}

export function readNewPolicyParams(value: unknown): NewPolicyParams {
  const { kind, format } = record(value, 'the params');
  if (kind !== 'policy' && kind !== 'managed-policy' && kind !== 'role') throw new InvalidParamsError('kind must be "policy", "managed-policy" or "role"');
  if (format !== 'json' && format !== 'yaml' && format !== 'terraform') throw new InvalidParamsError('format must be "json", "yaml" or "terraform"');
  return { kind, format };
}

/** How much the server holds and did: open documents, documents with state, models made, heap. For tests and troubleshooting. */
export const ServerStatsRequest = 'profilePolicy/serverStats';
export interface ServerStats {
  readonly documents: number;
  readonly analyses: number;
  /** Models made by reading again one policy, by a full parse, and analyses run, since the server started. */
  readonly spliced: number;
  readonly parsed: number;
  readonly analysed: number;
  /** The services read in depth so far (each on first use: one a document does not name is never read). */
  readonly loadedServices: readonly string[];
  readonly heapUsed: number;
}

/** Params a client sent that do not have the shape a request takes: answered with InvalidParams. */
export class InvalidParamsError extends Error {}

/** completionItem/resolve: an item as completion gave it (a label at least). */
export function readCompletionItem(value: unknown): CompletionItem {
  const item = record(value, 'the completion item');
  if (typeof item.label !== 'string') throw new InvalidParamsError('the completion item needs its label');
  return item as unknown as CompletionItem;
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidParamsError(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function position(value: unknown): Position {
  const { line, character } = record(value, 'position');
  const valid = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!valid(line) || !valid(character)) throw new InvalidParamsError('position needs a line and a character, whole numbers from 0');
  return { line: line as number, character: character as number };
}

export function readTargetParams(value: unknown): SimulationTargetParams {
  const params = record(value, 'the params');
  if (typeof params.uri !== 'string' || !params.uri) throw new InvalidParamsError('uri must be the URI of an open document');
  if (params.scope !== 'statement' && params.scope !== 'policy') throw new InvalidParamsError('scope must be "statement" or "policy"');
  return { uri: params.uri, position: position(params.position), scope: params.scope };
}

export function readSimulateAllParams(
  value: unknown,
  readContext: (context: unknown) => SimulationRequest['context'],
  readParameters: (parameters: unknown) => SimulationRequest['parameters'],
): SimulateAllParams {
  const params = readTargetParams(value);
  const { resource, context, parameters, services } = value as Record<string, unknown>;
  if (typeof resource !== 'string' || !resource) throw new InvalidParamsError('resource must be an ARN or "*"');
  if (services !== undefined && (!Array.isArray(services) || !services.every((s) => typeof s === 'string')))
    throw new InvalidParamsError('services must be a list of service prefixes');
  return {
    ...params,
    resource,
    context: readContext(context ?? {}),
    ...(parameters !== undefined ? { parameters: readParameters(parameters) } : {}),
    ...(services ? { services: services as string[] } : {}),
  };
}

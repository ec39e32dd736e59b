// Simulation over a whole document: pick the policy (and optionally the statement), run the engine.
// Shared by the CLI, the library API and the language server's custom request.
import { parseDocument, type PolicyDocument } from '../model/document';
import type { Format } from '../model/format';
import type { Policy } from '../model/policy';
import { simulatePolicy, simulateStatement } from './engine';
import type { SimulationRequest, SimulationResult } from './types';

export class SimulationInputError extends Error {}

export interface Selection {
  /** Part of a policy's label (`AnalystRole › ReadCustomerProfiles`), when the document has several. */
  readonly policy?: string;
  /** The statement's index in the policy, to simulate it on its own. */
  readonly statement?: number;
}

export function choosePolicy(document: PolicyDocument, selection: Selection = {}): Policy {
  const { policies } = document;
  if (policies.length === 0) throw new SimulationInputError('the document holds no IAM policy');
  if (selection.policy !== undefined) {
    const wanted = selection.policy.toLowerCase();
    const matches = policies.filter((p) => p.label.toLowerCase().includes(wanted));
    if (matches.length === 1) return matches[0]!;
    throw new SimulationInputError(
      `${matches.length === 0 ? 'no' : 'more than one'} policy matches "${selection.policy}"; the policies are: ${policies.map((p) => p.label).join('; ')}`,
    );
  }
  if (policies.length === 1) return policies[0]!;
  const identity = policies.filter((p) => p.kind === 'identity');
  if (identity.length === 1) return identity[0]!;
  throw new SimulationInputError(`the document holds ${policies.length} policies; choose one with --select: ${policies.map((p) => p.label).join('; ')}`);
}

export function simulateIn(document: PolicyDocument, request: SimulationRequest, selection: Selection = {}): { policy: Policy; result: SimulationResult } {
  const policy = choosePolicy(document, selection);
  if (selection.statement === undefined) return { policy, result: simulatePolicy(policy, request) };
  const statement = policy.statements.find((s) => s.index === selection.statement);
  if (!statement) throw new SimulationInputError(`the policy has no statement ${selection.statement + 1}`);
  return { policy, result: simulateStatement(statement, request) };
}

export function simulateText(
  text: string,
  format: Format,
  request: SimulationRequest,
  selection: Selection = {},
): { document: PolicyDocument; policy: Policy; result: SimulationResult } {
  const document = parseDocument(text, format);
  const syntax = document.problems.find((p) => p.code === 'syntax-error');
  if (syntax && document.policies.length === 0) throw new SimulationInputError(`the policy is not valid ${format.name}: ${syntax.message}`);
  return { document, ...simulateIn(document, request, selection) };
}

/** Checks a request from outside (CLI flags, a context file, a library caller). */
export function validateRequest(value: unknown): SimulationRequest {
  if (!value || typeof value !== 'object') throw new SimulationInputError('the request must be an object with action and resource');
  const { action, resource, context, parameters } = value as Record<string, unknown>;
  if (typeof action !== 'string' || !action) throw new SimulationInputError('the request needs an action, for example profile:GetDomain');
  if (typeof resource !== 'string' || !resource) throw new SimulationInputError('the request needs a resource ARN (or "*")');
  return { action, resource, context: validateContext(context ?? {}), ...(parameters !== undefined ? { parameters: validateParameters(parameters) } : {}) };
}

/** Template parameter values: names to strings (a list parameter as its comma-separated text). */
export function validateParameters(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SimulationInputError('the parameters must be a JSON object of name → string');
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    if (typeof entry !== 'string') throw new SimulationInputError(`parameter "${name}" must be a string`);
    out[name] = entry;
  }
  return out;
}

export function validateContext(value: unknown): Record<string, string | string[]> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new SimulationInputError('the context must be a JSON object of key → string or list of strings');
  const out: Record<string, string | string[]> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (typeof entry === 'string') out[key] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean') out[key] = String(entry);
    else if (Array.isArray(entry) && entry.every((e) => typeof e === 'string')) out[key] = entry as string[];
    else throw new SimulationInputError(`context key "${key}" must be a string or a list of strings`);
  }
  return out;
}

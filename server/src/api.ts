// The library entry point (package.json exports "./api"): simulate(policy, request), synchronously.
//   const { simulate } = require('profile-policy/api');
//   simulate(policyJsonTextOrObject, { action: 'profile:GetDomain', resource: 'arn:…', context: {…} })
import { jsonFormat } from './formats/json';
import { documentFromValue } from './formats/json-value';
import { yamlFormat } from './formats/yaml';
import { SimulationInputError, simulateIn, simulateText, validateRequest, type Selection } from './simulate/run';
import type { SimulationRequest, SimulationResult } from './simulate/types';
import { keepUntilNext } from './iam/shapes';

export type { SimulationRequest, SimulationResult, StatementTrace, ConditionTrace, ElementTrace, Decision } from './simulate/types';
export { SimulationInputError };

export interface SimulateOptions extends Selection {
  /** Keep source offsets in the trace (spans); slower for JSON text, which otherwise goes through JSON.parse. */
  readonly ranges?: boolean;
}

/**
 * Spans in the result are offsets into the policy text when it was given as YAML text or with
 * `ranges: true`; for objects and (by default) JSON text they are 0.
 */
export function simulate(policy: string | object, request: unknown, options: SimulateOptions = {}): SimulationResult {
  const valid = validateRequest(request);
  if (typeof policy !== 'string') return simulateValue(policy, valid, options);
  const json = /^\s*[{[]/.test(policy);
  if (!json || options.ranges) return simulateParsed(policy, json ? jsonFormat : yamlFormat, valid, options);
  let value: unknown;
  try {
    value = JSON.parse(policy);
  } catch {
    // Not strict JSON (comments, a trailing comma): the tolerant reader says what is wrong, with ranges.
    return simulateParsed(policy, jsonFormat, valid, options);
  }
  return simulateValue(value, valid, options);
}

// Each call's document and trace die with the answer: the last of each kind is kept, for the shapes
// of their objects (iam/shapes.ts).

function simulateValue(value: unknown, request: SimulationRequest, options: SimulateOptions): SimulationResult {
  const document = documentFromValue(value);
  keepUntilNext(documentFromValue, document);
  const { result } = simulateIn(document, request, options);
  keepUntilNext(simulateIn, result);
  return result;
}

function simulateParsed(text: string, format: typeof jsonFormat, request: SimulationRequest, options: SimulateOptions): SimulationResult {
  const { document, result } = simulateText(text, format, request, options);
  keepUntilNext(format, document);
  keepUntilNext(simulateIn, result);
  return result;
}

// The library entry point (package.json exports "./api"): simulate(policy, request), synchronously.
//   const { simulate } = require('profile-policy/api');
//   simulate(policyJsonTextOrObject, { action: 'profile:GetDomain', resource: 'arn:…', context: {…} })
import { simulateText, validateRequest, type Selection } from './simulate/run';
import type { SimulationResult } from './simulate/types';

export type { SimulationRequest, SimulationResult, StatementTrace, ConditionTrace, ElementTrace, Decision } from './simulate/types';
export { SimulationInputError } from './simulate/run';

export function simulate(policy: string | object, request: unknown, selection: Selection = {}): SimulationResult {
  const text = typeof policy === 'string' ? policy : JSON.stringify(policy);
  const format = typeof policy === 'string' && !/^\s*[{[]/.test(policy) ? 'yaml' : 'json';
  return simulateText(text, format, validateRequest(request), selection).result;
}

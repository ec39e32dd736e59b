// A simulation request checked against the catalogue before it is evaluated: a typo in the action or a
// malformed ARN would quietly give ImplicitDeny, and `--expect ImplicitDeny` would pass on it.
import type { Catalog } from '../catalog/catalog';
import { parseAction } from '../iam/action';
import { readArn } from '../iam/arn';
import { actionProblem } from '../rules/actions';
import type { SimulationRequest } from '../simulate/types';
import { tagKeyCarried, takesNoResource } from '../facts/statement-facts';
import { hasWildcard } from '../iam/wildcard';

/** Warnings about the request itself, each a sentence; none for a request that can happen. */
export function requestWarnings(request: SimulationRequest, catalog: Catalog): string[] {
  const warnings: string[] = [];
  const action = parseAction(request.action);
  if (action.kind === 'all' || (action.kind === 'action' && action.wildcard)) {
    warnings.push(`"${request.action}" is a pattern: a request names one action, and this one is simulated as the literal name.`);
  } else {
    const problem = actionProblem(request.action, catalog);
    if (problem) warnings.push(`${problem} The decision is for "${request.action}" as written.`);
  }
  if (request.resource !== '*') {
    const arn = readArn(request.resource);
    const info = action.kind === 'action' && !action.wildcard ? catalog.action(action.service, action.name) : undefined;
    if (hasWildcard(request.resource)) {
      warnings.push(
        `"${request.resource}" holds a wildcard: a request names one resource, and this one is simulated with the wildcard as a literal character.`,
      );
    }
    if (info && takesNoResource(info, catalog)) {
      warnings.push(`${info.service}:${info.name} acts on no resource type: its requests are for "*", not "${request.resource}".`);
    } else if (!arn) {
      warnings.push(`"${request.resource}" is not an ARN (arn:partition:service:region:account:resource): only a Resource of "*" can match it.`);
    } else if (action.kind === 'action' && !action.wildcard && arn.service.toLowerCase() === action.service.toLowerCase()) {
      const accepted = info?.resourceTypes.filter((t) => t.name !== '') ?? [];
      const fits = new Set(catalog.resourceTypesOf(request.resource).map((t) => t.name));
      if (info && accepted.length > 0 && !accepted.some((t) => fits.has(t.name))) {
        const formats = accepted.map((t) => catalog.service(info.service)?.resourceTypes.find((r) => r.name === t.name)?.arn ?? t.name);
        warnings.push(
          `${info.service}:${info.name} acts on ${accepted.map((t) => t.name).join(' or ')} (${formats.join(', ')}); "${request.resource}" is none of these.`,
        );
      }
    }
  }
  warnings.push(...unsupportedKeyWarnings(request, catalog));
  return warnings;
}

/**
 * Tag keys in the request that its action never carries (tagKeyCarried, as condition-key-unsupported
 * judges them): the decision holds for the request as given, but no real request for the action has them.
 */
function unsupportedKeyWarnings(request: SimulationRequest, catalog: Catalog): string[] {
  const action = parseAction(request.action);
  if (action.kind !== 'action' || action.wildcard) return [];
  const info = catalog.action(action.service, action.name);
  const carried = info && tagKeyCarried([info], catalog);
  if (!info || !carried) return [];
  const warnings: string[] = [];
  for (const key of Object.keys(request.context ?? {})) {
    const known = catalog.conditionKey(key);
    if (typeof known !== 'object' || carried(known)) continue;
    warnings.push(`${info.service}:${info.name} does not support ${key}: no real request for it carries the key, though this one is simulated with it.`);
  }
  return warnings;
}

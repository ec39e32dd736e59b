// What an Action/NotAction string says: `service:Name`, with wildcards, or malformed.
import { hasWildcard } from './wildcard';

/** Every parse carries the text in lower case, as IAM compares actions. */
export type ParsedAction = { readonly lower: string } & (
  | { readonly kind: 'all' }
  | { readonly kind: 'action'; readonly service: string; readonly name: string; readonly wildcard: boolean }
  | { readonly kind: 'malformed'; readonly reason: string }
);

const SERVICE_CHARS = /^[A-Za-z0-9*?-]+$/;
const NAME_CHARS = /^[A-Za-z0-9*?-]+$/;

const parsedActions = new Map<string, ParsedAction>();

/** Parses an Action entry; memoised, since the same entries recur across statements and documents. */
export function parseAction(text: string): ParsedAction {
  let parsed = parsedActions.get(text);
  if (!parsed) {
    if (parsedActions.size > 50_000) parsedActions.clear();
    parsed = readAction(text, text.toLowerCase());
    parsedActions.set(text, parsed);
  }
  return parsed;
}

function readAction(text: string, lower: string): ParsedAction {
  const malformed = (reason: string): ParsedAction => ({ kind: 'malformed', reason, lower });
  if (text === '*') return { kind: 'all', lower };
  if (text.length === 0) return malformed('An action cannot be empty: write service:ActionName, for example profile:GetDomain.');
  if (/\s/.test(text)) return malformed('An action cannot contain spaces: write one action per string, as service:ActionName.');
  if (text.includes(',')) return malformed('An action cannot contain a comma: put each action in its own string in a list.');
  const colon = text.indexOf(':');
  if (colon < 0) return malformed(`"${text}" has no service prefix: write service:ActionName, for example profile:${text}.`);
  if (text.indexOf(':', colon + 1) >= 0) return malformed(`"${text}" has more than one colon: write service:ActionName.`);
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (!service) return malformed('The service prefix before ":" is missing.');
  if (!name) return malformed(`The action name after "${service}:" is missing.`);
  if (!SERVICE_CHARS.test(service)) return malformed(`"${service}" is not a valid service prefix: use letters, digits and hyphens.`);
  if (!NAME_CHARS.test(name)) return malformed(`"${name}" is not a valid action name: use letters and digits, with * and ? as wildcards.`);
  return { kind: 'action', service, name, wildcard: hasWildcard(text), lower };
}

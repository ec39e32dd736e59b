// What an Action/NotAction string says: `service:Name`, with wildcards, or malformed.
import { ownCopy } from './text-memo';
import { hasWildcard } from './wildcard';

/** A value a layer above derives from an entry with one catalogue, marked with that catalogue. */
export interface CatalogDerived {
  readonly catalog: object;
}

/**
 * Room on the memoised parse for what the layers above derive from an entry with a catalogue: its facts
 * (facts/statement-facts.ts) and its verdict (rules/actions.ts). Entries recur by the thousand, and a
 * side table per fact cost a probe per entry into a table of thousands, about a tenth of the corpus lint. A
 * reader checks the value's catalogue before it trusts it.
 */
export interface EntryMemo {
  facts: CatalogDerived | undefined;
  verdict: CatalogDerived | undefined;
}

/**
 * Every parse carries the text in lower case, as IAM compares actions, and a number for that lower-case
 * text: two entries of one list name the same action exactly when their ids are equal, which a
 * duplicate check can ask without hashing strings.
 */
export type ParsedAction = { readonly lower: string; readonly id: number } & EntryMemo &
  (
    | { readonly kind: 'all' }
    | { readonly kind: 'action'; readonly service: string; readonly name: string; readonly wildcard: boolean }
    | { readonly kind: 'malformed'; readonly reason: string }
  );

const SERVICE_CHARS = /^[A-Za-z0-9*?-]+$/;
const NAME_CHARS = /^[A-Za-z0-9*?-]+$/;

const parsedActions = new Map<string, ParsedAction>();
const idsByLower = new Map<string, number>();
let nextId = 0;

/** Bounded; ids are never reused, so a parse from before a clear never shares its id with a later one. */
function boundMemo(): void {
  if (parsedActions.size <= 50_000) return;
  parsedActions.clear();
  idsByLower.clear();
}

/** Parses an Action entry; memoised, since the same entries recur across statements and documents. */
export function parseAction(text: string): ParsedAction {
  boundMemo();
  return memoised(text);
}

/** Parses the entries of one list: the memo is bounded before, never during, so their ids compare. */
export function parseActions(texts: readonly string[]): ParsedAction[] {
  boundMemo();
  return texts.map(memoised);
}

function memoised(text: string): ParsedAction {
  let parsed = parsedActions.get(text);
  if (!parsed) {
    // Kept from a copy: the memo outlives the document the text was cut from (see ownCopy).
    text = ownCopy(text);
    const lower = text.toLowerCase();
    let id = idsByLower.get(lower);
    if (id === undefined) idsByLower.set(lower, (id = nextId++));
    parsed = readAction(text, lower, id);
    parsedActions.set(text, parsed);
  }
  return parsed;
}

function readAction(text: string, lower: string, id: number): ParsedAction {
  // Every kind has the memo's fields from the start: one object shape while they fill.
  const malformed = (reason: string): ParsedAction => ({ kind: 'malformed', reason, lower, id, facts: undefined, verdict: undefined });
  if (text === '*') return { kind: 'all', lower, id, facts: undefined, verdict: undefined };
  if (text.length === 0) return malformed('An action cannot be empty: write service:ActionName, for example profile:GetDomain.');
  if (/\s/.test(text)) return malformed('An action cannot contain spaces: write one action per string, as service:ActionName.');
  if (text.includes(',')) return malformed('An action cannot contain a comma: put each action in its own string in a list.');
  const colon = text.indexOf(':');
  if (colon < 0) {
    // `sqs.SendMessage`, `s3/GetObject`: a prefix written with another separator.
    const separator = text.search(/[./]/);
    const prefix = text.slice(0, separator);
    const example = separator > 0 && SERVICE_CHARS.test(prefix) ? `${prefix}:${text.slice(separator + 1)}` : `profile:${text}`;
    return malformed(`"${text}" has no service prefix: write service:ActionName, for example ${example}.`);
  }
  if (text.indexOf(':', colon + 1) >= 0) return malformed(`"${text}" has more than one colon: write service:ActionName.`);
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (!service) return malformed('The service prefix before ":" is missing.');
  if (!name) return malformed(`The action name after "${service}:" is missing.`);
  if (!SERVICE_CHARS.test(service)) return malformed(`"${service}" is not a valid service prefix: use letters, digits and hyphens.`);
  if (!NAME_CHARS.test(name)) return malformed(`"${name}" is not a valid action name: use letters and digits, with * and ? as wildcards.`);
  return { kind: 'action', service, name, wildcard: hasWildcard(text), lower, id, facts: undefined, verdict: undefined };
}

// The request context: case-insensitive key lookup and policy-variable substitution.
import { hasVariables, replaceVariables } from '../iam/variables';
import { LITERAL_QUESTION, LITERAL_STAR } from '../iam/wildcard';
import type { SimulationRequest } from './types';
import { keepShape } from '../iam/shapes';

export class RequestContext {
  private readonly values = new Map<string, readonly string[]>();

  constructor(request: SimulationRequest) {
    for (const [key, value] of Object.entries(request.context ?? {})) {
      this.values.set(key.toLowerCase(), typeof value === 'string' ? [value] : [...value]);
    }
  }

  /** The values of a key (key names ignore case, the tag part of aws:…Tag/x included), or undefined. */
  get(key: string): readonly string[] | undefined {
    return this.values.get(key.toLowerCase());
  }
}
keepShape(new RequestContext({ action: '', resource: '' }));

export interface Substituted {
  readonly text: string;
  /** A variable had no value and no default: the value matches nothing. */
  readonly unresolved: string | undefined;
}

/**
 * Replaces `${key}` and `${key, 'default'}` with the request's value; `${*}`, `${?}` and `${$}` with
 * the literal characters (as stand-ins the wildcard matcher keeps literal, when forPattern).
 * Only called under Version 2012-10-17: otherwise variables are literal text.
 */
export function substitute(text: string, context: RequestContext, forPattern: boolean): Substituted {
  if (!hasVariables(text)) return { text, unresolved: undefined };
  let unresolved: string | undefined;
  const out = replaceVariables(text, (variable) => {
    if (variable.special === '*') return forPattern ? LITERAL_STAR : '*';
    if (variable.special === '?') return forPattern ? LITERAL_QUESTION : '?';
    if (variable.special === '$') return '$';
    const values = context.get(variable.key);
    if (values && values.length === 1) return escapeForPattern(values[0]!, forPattern);
    if (variable.defaultValue !== undefined) return escapeForPattern(variable.defaultValue, forPattern);
    unresolved ??= variable.key;
    return text.slice(variable.start, variable.end);
  });
  return { text: out, unresolved };
}

/** A substituted value is data, not pattern: its own * and ? must not act as wildcards. */
function escapeForPattern(value: string, forPattern: boolean): string {
  return forPattern ? value.replace(/\*/g, LITERAL_STAR).replace(/\?/g, LITERAL_QUESTION) : value;
}

const STAND_INS = /[\uE000\uE001]/g;

/** Turns stand-ins back into the characters, for messages and literal comparisons. */
export function shown(text: string): string {
  if (!text.includes(LITERAL_STAR) && !text.includes(LITERAL_QUESTION)) return text;
  return text.replace(STAND_INS, (c) => (c === LITERAL_STAR ? '*' : '?'));
}

// The request context: case-insensitive key lookup and policy-variable substitution.
import { LITERAL_QUESTION, LITERAL_STAR } from '../iam/wildcard';
import type { SimulationRequest } from './types';

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
  if (!text.includes('${')) return { text, unresolved: undefined };
  let out = '';
  let position = 0;
  let unresolved: string | undefined;
  for (;;) {
    const open = text.indexOf('${', position);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    out += text.slice(position, open);
    const inner = text.slice(open + 2, close);
    const comma = inner.indexOf(',');
    const key = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback =
      comma < 0
        ? undefined
        : inner
            .slice(comma + 1)
            .trim()
            .replace(/^'(.*)'$/, '$1');
    if (key === '*') out += forPattern ? LITERAL_STAR : '*';
    else if (key === '?') out += forPattern ? LITERAL_QUESTION : '?';
    else if (key === '$') out += '$';
    else {
      const values = context.get(key);
      if (values && values.length === 1) out += escapeForPattern(values[0]!, forPattern);
      else if (fallback !== undefined) out += escapeForPattern(fallback, forPattern);
      else {
        unresolved ??= key;
        out += text.slice(open, close + 1);
      }
    }
    position = close + 1;
  }
  return { text: out + text.slice(position), unresolved };
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

// IAM wildcard matching (`*` any run, `?` one character) in linear time. A pattern is split at its
// stars; the first piece must match at the start, the last at the end, and the pieces between are
// placed leftmost in order, which is optimal for star-separated pieces. Each piece is searched with the
// bit-parallel Shift-And algorithm, so every text character is looked at once per 32 pattern
// characters of the piece: no backtracking, whatever the input.

import { TextMemo } from './text-memo';

/**
 * Stand-ins for a literal `*` and `?` inside a pattern (policy variables ${*} and ${?} resolve to
 * them), so the matcher treats them as plain characters rather than wildcards.
 */
export const LITERAL_STAR = '\uE000';
export const LITERAL_QUESTION = '\uE001';

/** Optional step counter, so tests can prove the bound. */
export interface StepCounter {
  steps: number;
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

export type Matcher = (text: string) => boolean;

/** Compiles a pattern once, for matching it against many texts (actions of a catalogue, …). */
export function compileWildcard(pattern: string, caseInsensitive: boolean, counter?: StepCounter): Matcher {
  const source = caseInsensitive ? pattern.toLowerCase() : pattern;
  if (!hasWildcard(source)) {
    const literal = source.replace(/\uE000/g, '*').replace(/\uE001/g, '?');
    return (text) => (caseInsensitive ? text.toLowerCase() : text) === literal;
  }
  const pieces = source.split('*');
  if (pieces.length === 1) {
    const only = new Piece(pieces[0]!);
    return (text) => {
      const t = caseInsensitive ? text.toLowerCase() : text;
      return t.length === only.length && only.matchesAt(t, 0, counter);
    };
  }
  const first = new Piece(pieces[0]!);
  const last = new Piece(pieces[pieces.length - 1]!);
  const middle = pieces
    .slice(1, -1)
    .filter((p) => p.length > 0)
    .map((p) => new Piece(p));
  return (text) => {
    const t = caseInsensitive ? text.toLowerCase() : text;
    if (t.length < first.length + last.length) return false;
    if (!first.matchesAt(t, 0, counter)) return false;
    const limit = t.length - last.length;
    if (!last.matchesAt(t, limit, counter)) return false;
    let position = first.length;
    for (const piece of middle) {
      const end = piece.findEnd(t, position, limit, counter);
      if (end < 0) return false;
      position = end;
    }
    return true;
  };
}

/** Compiled matchers for patterns seen before (policies repeat them); bounded, cleared when full. */
// Big enough for the distinct patterns of every AWS managed policy together (about 15,000).
const compiledSensitive = new TextMemo<Matcher>(40_000, (pattern) => compileWildcard(pattern, false));
const compiledInsensitive = new TextMemo<Matcher>(40_000, (pattern) => compileWildcard(pattern, true));

export function cachedWildcard(pattern: string, caseInsensitive: boolean): Matcher {
  return (caseInsensitive ? compiledInsensitive : compiledSensitive).get(pattern);
}

export function matchWildcard(pattern: string, text: string, caseInsensitive: boolean, counter?: StepCounter): boolean {
  return compileWildcard(pattern, caseInsensitive, counter)(text);
}

/** One star-free piece of a pattern; `?` matches any single character. */
class Piece {
  readonly length: number;
  private readonly words: number;
  /** The piece's characters, literal stand-ins turned back into `*` and `?`; null where `?` is a wildcard. */
  private readonly chars: Array<string | null>;
  /** Per character: the bit set of positions where the piece has that character or `?`. */
  private readonly masks = new Map<number, Uint32Array>();
  private readonly anyMask: Uint32Array;

  constructor(text: string) {
    // UTF-16 units, like the text it is matched against.
    this.chars = text.split('').map((c) => (c === '?' ? null : c === LITERAL_STAR ? '*' : c === LITERAL_QUESTION ? '?' : c));
    this.length = this.chars.length;
    this.words = Math.max(1, Math.ceil(this.length / 32));
    this.anyMask = new Uint32Array(this.words);
    this.chars.forEach((c, i) => {
      if (c === null) this.anyMask[i >> 5]! |= 1 << (i & 31);
    });
    this.chars.forEach((c, i) => {
      if (c === null) return;
      const code = c.charCodeAt(0);
      if (this.masks.has(code)) return;
      const mask = Uint32Array.from(this.anyMask);
      for (let j = i; j < this.length; j++) if (this.chars[j] === c) mask[j >> 5]! |= 1 << (j & 31);
      this.masks.set(code, mask);
    });
  }

  matchesAt(text: string, at: number, counter?: StepCounter): boolean {
    for (let i = 0; i < this.length; i++) {
      if (counter) counter.steps++;
      const p = this.chars[i];
      if (p !== null && p !== text[at + i]) return false;
    }
    return true;
  }

  /** End offset of the leftmost occurrence inside text[from, limit), or -1. */
  findEnd(text: string, from: number, limit: number, counter?: StepCounter): number {
    const words = this.words;
    const state = new Uint32Array(words);
    const lastWord = (this.length - 1) >> 5;
    const lastBit = 1 << ((this.length - 1) & 31);
    for (let i = from; i < limit; i++) {
      const mask = this.masks.get(text.charCodeAt(i)) ?? this.anyMask;
      let carry = 1; // a new match may start at every position
      for (let w = 0; w < words; w++) {
        if (counter) counter.steps++;
        const next = state[w]! >>> 31;
        state[w] = ((state[w]! << 1) | carry) & mask[w]!;
        carry = next;
      }
      if (state[lastWord]! & lastBit) return i + 1;
    }
    return -1;
  }
}

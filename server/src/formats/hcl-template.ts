// The literal text of HCL templates: escapes decoded (`\n`, `\"`, `\uXXXX`, `$${` → `${`, `%%{` → `%{`),
// a heredoc's common indentation removed for `<<-`, and for each literal the runs that map an index in
// the decoded text back to its source offset.
import type { SyntaxProblem } from '../model/problems';
import type { HclLiteral } from './hcl-ast';
import { keepShape } from '../iam/shapes';

/** Builds one literal from source pieces, recording a run wherever value and source stop advancing together. */
export class LiteralBuilder {
  private value = '';
  private readonly runs: number[] = [];
  /** The source offset the next character would have if nothing were skipped or decoded. */
  private expected = -1;

  constructor(private readonly text: string) {}

  get empty(): boolean {
    return this.runs.length === 0;
  }

  /** Source text [from, to) taken as it is. */
  plain(from: number, to: number): void {
    if (to <= from) return;
    if (from !== this.expected) this.runs.push(this.value.length, from);
    this.value += this.text.slice(from, to);
    this.expected = to;
  }

  /** Source [from, to) read as decoded (an escape). */
  decoded(decoded: string, from: number, to: number): void {
    this.runs.push(this.value.length, from);
    this.value += decoded;
    // The next piece starts a run of its own: this one's source and value lengths differ.
    this.expected = -1;
    if (decoded.length === to - from) this.expected = to;
  }

  /** The literal, ending at source offset end; undefined when nothing was added. */
  finish(end: number): HclLiteral | undefined {
    if (this.runs.length === 0) return undefined;
    const start = this.runs[1]!;
    const value = this.value;
    const identity = this.runs.length === 2 && end - start === value.length;
    let runs: number[] | undefined;
    if (!identity) {
      runs = this.runs;
      runs.push(value.length, end);
    }
    return { kind: 'literal', start, end, value, runs };
  }
}
keepShape(new LiteralBuilder(''));

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * A backslash escape of a quoted template at `at` (the backslash): `\n \r \t \" \\ \uXXXX \UXXXXXXXX`.
 * An unknown or incomplete one is a problem and reads as its source text.
 */
export function readEscape(text: string, at: number, problems: SyntaxProblem[]): { value: string; end: number } {
  const letter = text[at + 1];
  if (letter === undefined || letter === '\n' || letter === '\r') {
    problems.push({ code: 'syntax-error', start: at, end: at + 1, message: 'A backslash at the end of a line escapes nothing: write "\\\\" for a backslash.' });
    return { value: '\\', end: at + 1 };
  }
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { value: simple, end: at + 2 };
  if (letter === 'u' || letter === 'U') {
    const digits = letter === 'u' ? 4 : 8;
    const hex = text.slice(at + 2, at + 2 + digits);
    const code = /^[0-9A-Fa-f]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN;
    if (Number.isFinite(code) && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) return { value: String.fromCodePoint(code), end: at + 2 + digits };
    problems.push({
      code: 'syntax-error',
      start: at,
      end: Math.min(text.length, at + 2 + digits),
      message: `Invalid escape: "\\${letter}" takes ${digits} hexadecimal digits of a Unicode character.`,
    });
    return { value: text.slice(at, at + 2), end: at + 2 };
  }
  const wide = letter.charCodeAt(0) >= 0xd800 && letter.charCodeAt(0) <= 0xdbff ? 2 : 1;
  problems.push({
    code: 'syntax-error',
    start: at,
    end: at + 1 + wide,
    message: `Invalid escape "\\${text.slice(at + 1, at + 1 + wide)}": HCL strings take \\n, \\r, \\t, \\", \\\\, \\uXXXX and \\UXXXXXXXX.`,
  });
  return { value: text.slice(at, at + 1 + wide), end: at + 1 + wide };
}

/** Adds heredoc source [from, to) to a literal: only `$${` and `%%{` are escapes there. */
export function addHeredocText(builder: LiteralBuilder, text: string, from: number, to: number): void {
  let run = from;
  for (let at = text.indexOf('{', from); at >= 0 && at < to; at = text.indexOf('{', at + 1)) {
    const sigil = text.charCodeAt(at - 1);
    if ((sigil === 36 /* $ */ || sigil === 37) /* % */ && at - 2 >= run && text.charCodeAt(at - 2) === sigil) {
      builder.plain(run, at - 2);
      builder.decoded(sigil === 36 ? '${' : '%{', at - 2, at + 1);
      run = at + 1;
    }
  }
  builder.plain(run, to);
}

/** A heredoc line's literal text before anything else on it, as read in the first pass. */
export interface HeredocSegment {
  readonly from: number;
  readonly to: number;
  /** The segment starts a line of the body. */
  readonly lineStart: boolean;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * `<<-`: the number of leading blanks every line shares, as HCL counts them (a tab counts as one). A line
 * of nothing but blanks does not count; a line that starts with an interpolation (an empty segment)
 * makes it zero.
 */
export function commonIndent(text: string, segments: readonly HeredocSegment[]): number {
  let least = Infinity;
  for (const segment of segments) {
    if (!segment.lineStart) continue;
    let at = segment.from;
    while (at < segment.to && isBlank(text.charCodeAt(at))) at++;
    const rest = at < segment.to ? text.charCodeAt(at) : -1;
    if (rest === 10 || rest === 13) continue;
    least = Math.min(least, at - segment.from);
  }
  return least === Infinity ? 0 : least;
}

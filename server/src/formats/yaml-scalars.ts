// What a YAML scalar's text says, as the yaml library's composer reads it (YAML 1.2, core schema): plain
// scalars that are null, booleans or numbers, double-quoted escapes, and the lines of a literal or folded
// block scalar. The hand reader (yaml-block.ts) finds the text; this says what it means. Each function
// answers undefined where the library would report an error or read something this does not handle.
import { newString } from '../model/builder';
import type { ValueNode } from '../model/tree';

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

const NULL_WORD = /^(?:~|[Nn]ull|NULL)$/;
const BOOLEAN_WORD = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
/** Octal, hexadecimal, infinities and NaN: numbers too, left to the library. */
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar as the core schema reads it: null, a boolean, a decimal or float number, or a string. */
export function coreScalar(source: string, start: number, end: number, text: string): ValueNode | undefined {
  const first = source.charCodeAt(0);
  // Every word that is not a string starts with one of ~ n N t T f F, a digit, a sign or a dot.
  const maybeWord = first === 0x7e || first === 0x6e || first === 0x4e || first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46;
  const maybeNumber = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
  if (maybeWord) {
    if (NULL_WORD.test(source)) return { kind: 'null', start, end, parent: undefined };
    if (BOOLEAN_WORD.test(source)) return { kind: 'boolean', value: first === 0x74 || first === 0x54, start, end, parent: undefined };
  } else if (maybeNumber) {
    if (DECIMAL.test(source)) return { kind: 'number', value: parseInt(source, 10), raw: source, start, end, parent: undefined };
    if (FLOAT.test(source) || FLOAT_EXPONENT.test(source)) return { kind: 'number', value: parseFloat(source), raw: source, start, end, parent: undefined };
    if (OTHER_NUMBER.test(source)) return undefined;
  }
  return newString(source, start, end, undefined, text);
}

/** The value of a double-quoted scalar's content (one line, quotes left out). */
export function doubleQuotedValue(content: string): string | undefined {
  if (!content.includes('\\')) return content;
  let value = '';
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    if (c !== '\\') {
      value += c;
      continue;
    }
    const escape = content[++i]!;
    const simple = ESCAPES[escape];
    if (simple !== undefined) {
      value += simple;
      continue;
    }
    const digits = HEX_DIGITS[escape];
    if (digits === undefined) return undefined;
    const hex = content.substr(i + 1, digits);
    if (hex.length !== digits || !HEX.test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    value += String.fromCodePoint(code);
    i += digits;
  }
  return value;
}

/**
 * The value of a block scalar from its lines, each as [its spaces, what follows its first `indent` of
 * them]; `endsWithBreak`: the last line ends with a line break, after which the library counts one
 * more, empty line. Literal (`|`) keeps the line breaks; folded (`>`) joins lines with a space, except
 * around blank lines and lines indented deeper than the first. Chomping: `-` drops the final line
 * breaks, `+` keeps them all, neither keeps one.
 */
export function blockScalarValue(
  lines: ReadonlyArray<readonly [spaces: number, rest: string]>,
  endsWithBreak: boolean,
  indent: number,
  folded: boolean,
  chomp: string,
): string {
  const all = endsWithBreak ? [...lines, [0, ''] as const] : lines;
  let content = all.length;
  while (content > 0 && all[content - 1]![1] === '') content--;
  // Trailing blank lines deeper than the first line are content.
  for (let k = all.length - 1; k >= content; k--) {
    if (all[k]![0] > indent) {
      content = k + 1;
      break;
    }
  }
  let value = '';
  let separator = '';
  let previousDeeper = false;
  for (let k = 0; k < content; k++) {
    const [spaces, rest] = all[k]!;
    if (!folded) {
      value += separator + rest;
      separator = '\n';
    } else if (spaces > indent) {
      // A deeper line keeps its line breaks.
      if (separator === ' ') separator = '\n';
      else if (!previousDeeper && separator === '\n') separator = '\n\n';
      value += separator + rest;
      separator = '\n';
      previousDeeper = true;
    } else if (rest === '') {
      if (separator === '\n') value += '\n';
      else separator = '\n';
    } else {
      value += separator + rest;
      separator = ' ';
      previousDeeper = false;
    }
  }
  if (chomp === '+') {
    for (let k = content; k < all.length; k++) value += `\n${' '.repeat(Math.max(0, all[k]![0] - indent))}`;
    if (!value.endsWith('\n')) value += '\n';
  } else if (chomp === '') {
    value += '\n';
  }
  return value;
}

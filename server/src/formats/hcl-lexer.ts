// The tokens of HCL's native syntax outside templates: names, numbers, punctuation, operators, line
// breaks, and the starts of quoted strings and heredocs (whose insides the parser reads itself, as
// templates). Comments are skipped; a line comment leaves its line break, a block comment does not.
import type { SyntaxProblem } from '../model/problems';

export const TOKEN = {
  end: 0,
  newline: 1,
  identifier: 2,
  number: 3,
  /** `"`: a quoted template starts after it. */
  quote: 4,
  /** `<<EOF` or `<<-EOF`: a heredoc starts on the next line. */
  heredoc: 5,
  openBrace: 6,
  closeBrace: 7,
  openBracket: 8,
  closeBracket: 9,
  openParen: 10,
  closeParen: 11,
  comma: 12,
  equals: 13,
  colon: 14,
  question: 15,
  dot: 16,
  ellipsis: 17,
  fatArrow: 18,
  doubleColon: 19,
  /** `+ - * / % == != < > <= >= && || !` */
  operator: 20,
  /** `~` of a template's strip marker. */
  tilde: 21,
  invalid: 22,
} as const;

export type TokenKind = (typeof TOKEN)[keyof typeof TOKEN];

const enum Char {
  tab = 9,
  lineFeed = 10,
  carriageReturn = 13,
  space = 32,
  bang = 33,
  quote = 34,
  hash = 35,
  percent = 37,
  ampersand = 38,
  openParen = 40,
  closeParen = 41,
  star = 42,
  plus = 43,
  comma = 44,
  minus = 45,
  dot = 46,
  slash = 47,
  zero = 48,
  nine = 57,
  colon = 58,
  less = 60,
  equals = 61,
  greater = 62,
  question = 63,
  upperA = 65,
  upperE = 69,
  upperZ = 90,
  openBracket = 91,
  closeBracket = 93,
  underscore = 95,
  lowerA = 97,
  lowerE = 101,
  lowerZ = 122,
  openBrace = 123,
  bar = 124,
  closeBrace = 125,
  tilde = 126,
  byteOrderMark = 0xfeff,
}

const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;

export function isDigit(c: number): boolean {
  return c >= Char.zero && c <= Char.nine;
}

export function isIdentifierStart(c: number): boolean {
  if ((c >= Char.lowerA && c <= Char.lowerZ) || (c >= Char.upperA && c <= Char.upperZ) || c === Char.underscore) return true;
  return c > 127 && ID_START.test(String.fromCharCode(c));
}

export function isIdentifierPart(c: number): boolean {
  if ((c >= Char.lowerA && c <= Char.lowerZ) || (c >= Char.upperA && c <= Char.upperZ) || isDigit(c) || c === Char.underscore || c === Char.minus) return true;
  return c > 127 && ID_CONTINUE.test(String.fromCharCode(c));
}

/** The end of the identifier starting at start (which must be an identifier start). */
export function identifierEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && isIdentifierPart(text.charCodeAt(at))) at++;
  return at;
}

export class Lexer {
  /** Where scanning continues. */
  pos = 0;
  kind: TokenKind = TOKEN.end;
  start = 0;
  end = 0;
  /** For heredoc tokens: the marker and whether it is the flush (`<<-`) form. */
  marker = '';
  flush = false;
  /** Where the text ends for the parser now: a template sequence is read within its own line. */
  limit = Number.POSITIVE_INFINITY;

  constructor(
    readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {
    if (text.charCodeAt(0) === Char.byteOrderMark) this.pos = 1;
  }

  /** Does the current token begin its line (column 0)? */
  atLineStart(): boolean {
    const before = this.start === 0 ? Char.lineFeed : this.text.charCodeAt(this.start - 1);
    return before === Char.lineFeed || before === Char.carriageReturn || (this.start === 1 && before === Char.byteOrderMark);
  }

  /** Reads the next token into kind/start/end. */
  next(): TokenKind {
    const text = this.text;
    const length = Math.min(text.length, this.limit);
    let at = this.skipBlanks(this.pos);
    this.start = at;
    if (at >= length) return this.token(TOKEN.end, at);
    const c = text.charCodeAt(at);
    switch (c) {
      case Char.lineFeed:
        return this.token(TOKEN.newline, at + 1);
      case Char.carriageReturn:
        return this.token(TOKEN.newline, text.charCodeAt(at + 1) === Char.lineFeed ? at + 2 : at + 1);
      case Char.quote:
        return this.token(TOKEN.quote, at + 1);
      case Char.openBrace:
        return this.token(TOKEN.openBrace, at + 1);
      case Char.closeBrace:
        return this.token(TOKEN.closeBrace, at + 1);
      case Char.openBracket:
        return this.token(TOKEN.openBracket, at + 1);
      case Char.closeBracket:
        return this.token(TOKEN.closeBracket, at + 1);
      case Char.openParen:
        return this.token(TOKEN.openParen, at + 1);
      case Char.closeParen:
        return this.token(TOKEN.closeParen, at + 1);
      case Char.comma:
        return this.token(TOKEN.comma, at + 1);
      case Char.question:
        return this.token(TOKEN.question, at + 1);
      case Char.tilde:
        return this.token(TOKEN.tilde, at + 1);
      case Char.colon:
        return this.token(text.charCodeAt(at + 1) === Char.colon ? TOKEN.doubleColon : TOKEN.colon, text.charCodeAt(at + 1) === Char.colon ? at + 2 : at + 1);
      case Char.dot:
        if (text.charCodeAt(at + 1) === Char.dot && text.charCodeAt(at + 2) === Char.dot) return this.token(TOKEN.ellipsis, at + 3);
        return this.token(TOKEN.dot, at + 1);
      case Char.equals: {
        const after = text.charCodeAt(at + 1);
        if (after === Char.greater) return this.token(TOKEN.fatArrow, at + 2);
        if (after === Char.equals) return this.token(TOKEN.operator, at + 2);
        return this.token(TOKEN.equals, at + 1);
      }
      case Char.bang:
      case Char.greater:
        return this.token(TOKEN.operator, text.charCodeAt(at + 1) === Char.equals ? at + 2 : at + 1);
      case Char.less:
        if (text.charCodeAt(at + 1) === Char.less) return this.heredocStart(at);
        return this.token(TOKEN.operator, text.charCodeAt(at + 1) === Char.equals ? at + 2 : at + 1);
      case Char.ampersand:
      case Char.bar:
        if (text.charCodeAt(at + 1) === c) return this.token(TOKEN.operator, at + 2);
        return this.token(TOKEN.invalid, at + 1);
      case Char.plus:
      case Char.minus:
      case Char.star:
      case Char.slash:
      case Char.percent:
        return this.token(TOKEN.operator, at + 1);
    }
    if (isDigit(c)) return this.token(TOKEN.number, this.numberEnd(at));
    if (isIdentifierStart(c)) return this.token(TOKEN.identifier, identifierEnd(text, at));
    // One code point, so a stray emoji is one error and not two halves.
    const wide = c >= 0xd800 && c <= 0xdbff && at + 1 < length ? 2 : 1;
    return this.token(TOKEN.invalid, at + wide);
  }

  /** The text of the current token. */
  tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  private token(kind: TokenKind, end: number): TokenKind {
    this.kind = kind;
    this.end = end;
    this.pos = end;
    return kind;
  }

  /** Skips spaces, tabs and comments; stops at a line break (a line comment's too). */
  private skipBlanks(from: number): number {
    const text = this.text;
    const length = text.length;
    let at = from;
    while (at < length) {
      const c = text.charCodeAt(at);
      if (c === Char.space || c === Char.tab) at++;
      else if (c === Char.hash || (c === Char.slash && text.charCodeAt(at + 1) === Char.slash)) at = lineEnd(text, at);
      else if (c === Char.slash && text.charCodeAt(at + 1) === Char.star) {
        const close = text.indexOf('*/', at + 2);
        if (close < 0) {
          this.problems.push({ code: 'syntax-error', start: at, end: at + 2, message: 'Unterminated comment: "/*" needs a closing "*/".' });
          return length;
        }
        at = close + 2;
      } else return at;
    }
    return at;
  }

  /** Decimal digits, an optional fraction and exponent: `1`, `1.5`, `2e10`. A dot not followed by a digit is not part of it. */
  private numberEnd(start: number): number {
    const text = this.text;
    let at = start;
    while (isDigit(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) === Char.dot && isDigit(text.charCodeAt(at + 1))) {
      at += 2;
      while (isDigit(text.charCodeAt(at))) at++;
    }
    const e = text.charCodeAt(at);
    if (e === Char.lowerE || e === Char.upperE) {
      let digits = at + 1;
      const sign = text.charCodeAt(digits);
      if (sign === Char.plus || sign === Char.minus) digits++;
      if (isDigit(text.charCodeAt(digits))) {
        at = digits;
        while (isDigit(text.charCodeAt(at))) at++;
      }
    }
    return at;
  }

  /** `<<EOF` / `<<-EOF`: a marker name must follow at once; the body starts on the next line. */
  private heredocStart(at: number): TokenKind {
    const text = this.text;
    this.flush = text.charCodeAt(at + 2) === Char.minus;
    const nameStart = at + (this.flush ? 3 : 2);
    if (!isIdentifierStart(text.charCodeAt(nameStart))) return this.token(TOKEN.invalid, nameStart);
    const nameEnd = identifierEnd(text, nameStart);
    this.marker = text.slice(nameStart, nameEnd);
    return this.token(TOKEN.heredoc, nameEnd);
  }
}

/** The offset of the line break ending the line that holds at (or the text's end). */
export function lineEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === Char.lineFeed || c === Char.carriageReturn) return end;
    end++;
  }
  return end;
}

/** The start of the line after the one holding at, past its line break (or the text's end). */
export function nextLineStart(text: string, at: number): number {
  const end = lineEnd(text, at);
  if (end >= text.length) return end;
  return text.charCodeAt(end) === Char.carriageReturn && text.charCodeAt(end + 1) === Char.lineFeed ? end + 2 : end + 1;
}

// Policies and templates written in YAML use a small part of it: block mappings and sequences, one-line
// plain and quoted scalars, one-line flow collections, literal and folded block scalars, CloudFormation's
// short-form tags and comments. That part is read here by hand, straight into the tree the yaml
// library's composer gives (yaml-reader.ts), about ten times faster. At the first thing outside it
// (anchors and aliases, a plain or quoted scalar or a flow collection over several lines, a block
// scalar's indentation indicator, tabs, a `\r` not before `\n`, directives, any document marker but a
// `---` that opens the text, anything the library would call an error) it answers undefined and the
// library reads the text. test/unit/yaml-block.test.ts holds the two readers to the same tree.
import { addProperty, foldIntrinsic, newString, setEnd } from '../model/builder';
import type { ParsedText } from '../model/format';
import type { SyntaxProblem } from '../model/problems';
import type { ArrayNode, ObjectNode, OpaqueNode, PropertyNode, StringNode, ValueNode } from '../model/tree';
import { blockScalarValue, coreScalar, doubleQuotedValue } from './yaml-scalars';
import { keepShape } from '../iam/shapes';

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const BANG = 0x21;
const COMMA = 0x2c;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const PIPE = 0x7c;
const GREATER = 0x3e;
const CLOSE_CURLY = 0x7d;

/** Deeper than this the library reads the text (it reports nesting past its own limit). */
const MAX_DEPTH = 100;

/** Thrown where the text leaves the part of YAML read here. */
class StepAside {}
const STEP_ASIDE = new StepAside();

/** Characters that cannot start a plain scalar (`-`, `?` and `:` can, before a character that is not a space). */
const PLAIN_START_INDICATORS = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** CloudFormation's short forms and other local tags; YAML's own (`!!str`, `!<…>`) and escaped ones are the library's. */
const LOCAL_TAG = /^![A-Za-z][A-Za-z0-9:._-]*$/;

/** `!GetAtt` → `Fn::GetAtt`; `!Ref` and `!Condition` have no `Fn::` in their long form. */
export function intrinsicName(tag: string): string {
  const bare = tag.slice(1);
  return bare === 'Ref' || bare === 'Condition' ? bare : `Fn::${bare}`;
}

/** The text's tree if it stays in the part of YAML read here; undefined for the library to read it. */
export function readBlockYaml(text: string): ParsedText | undefined {
  if (text.includes('\t') || text.includes('\ufeff') || (text.includes('\r') && /\r(?!\n)/.test(text))) return undefined;
  try {
    return new BlockReader(text).document();
  } catch (error) {
    if (error === STEP_ASIDE) return undefined;
    throw error;
  }
}

class BlockReader {
  readonly problems: SyntaxProblem[] = [];
  /** Where the last value read ends with what belongs to it (its line's spaces, comment and newline), as the library counts it. */
  private after = 0;
  /** Where the last inline value's text ends. */
  private valueEnd = 0;
  /** The column of the rightmost comment between the last value and the next line with content (-1: none). */
  private runComment = -1;
  /** Where that run of blank and comment lines ends: the next content, past its indentation, or the text's end. */
  private runEnd = 0;
  /** The last scan for content: from where, to where, and its rightmost comment. */
  private scannedFrom = -1;
  private scannedTo = 0;
  private scannedComment = -1;
  private scannedZero = false;
  /** Whether that run has a comment in column 0. */
  private runZeroComment = false;

  constructor(private readonly text: string) {}

  document(): ParsedText {
    const start = this.documentStart();
    const first = this.nextContentLine(start);
    // An empty document after `---` is a null the library places after the marker.
    if (first === this.text.length && start > 0) throw STEP_ASIDE;
    if (first === this.text.length) return { roots: [], problems: this.problems };
    const root = this.block(first, this.column(first), -1, 0);
    if (root.kind !== 'object' && root.kind !== 'array' && this.runComment >= 0) throw STEP_ASIDE;
    if (this.nextContentLine(this.after) !== this.text.length) throw STEP_ASIDE;
    return { roots: [root], problems: this.problems };
  }

  /**
   * Where the document's content may start: past a `---` line (alone, or with a comment) that opens
   * the text, as many files do, after blank and comment lines; 0 without one. Content after the
   * marker on its line is left to the library.
   */
  private documentStart(): number {
    const text = this.text;
    for (let line = 0; ;) {
      const i = this.skipBlankLines(line);
      if (i >= text.length) return 0;
      if (text.charCodeAt(i) === HASH) {
        line = this.lineEnd(i) + 1;
        continue;
      }
      if (this.column(i) !== 0 || !text.startsWith('---', i) || !this.isSpaceBreakOrEnd(i + 3)) return 0;
      let j = i + 3;
      while (text.charCodeAt(j) === SPACE) j++;
      if (!this.isBreakOrEnd(j) && !(text.charCodeAt(j) === HASH && j > i + 3)) throw STEP_ASIDE;
      return Math.min(text.length, this.lineEnd(j) + 1);
    }
  }

  /** The first character of the first line from `lineStart` on that is not blank; text.length if none is. */
  private skipBlankLines(lineStart: number): number {
    const text = this.text;
    for (let line = lineStart; line < text.length;) {
      let i = line;
      while (text.charCodeAt(i) === SPACE) i++;
      if (!this.isBreakOrEnd(i)) return i;
      line = this.lineEnd(i) + 1;
    }
    return text.length;
  }

  /**
   * The first character of the next line with content from `lineStart` on (text.length at the end),
   * past blank lines and comments; `runComment` is the column of the rightmost comment passed. A
   * document marker or a directive steps aside.
   */
  private nextContentLine(lineStart: number): number {
    // Blocks that end together each ask from the same place: the run of blank and comment lines is
    // scanned once, not once per block.
    if (lineStart === this.scannedFrom) {
      this.runComment = this.scannedComment;
      this.runZeroComment = this.scannedZero;
      this.runEnd = this.scannedTo;
      return this.scannedTo;
    }
    this.scannedFrom = lineStart;
    const next = this.scanToContent(lineStart);
    this.scannedComment = this.runComment;
    this.scannedZero = this.runZeroComment;
    this.scannedTo = next;
    return next;
  }

  private scanToContent(lineStart: number): number {
    const text = this.text;
    this.runComment = -1;
    this.runZeroComment = false;
    for (let line = lineStart; ;) {
      const i = this.skipBlankLines(line);
      if (i >= text.length) break;
      const column = this.column(i);
      const c = text.charCodeAt(i);
      if (c === HASH) {
        this.runComment = Math.max(this.runComment, column);
        if (column === 0) this.runZeroComment = true;
        line = this.lineEnd(i) + 1;
        continue;
      }
      if (column === 0 && (c === 0x25 || this.documentMarkerAt(i))) throw STEP_ASIDE;
      this.runEnd = i;
      return i;
    }
    this.runEnd = text.length;
    return text.length;
  }

  private documentMarkerAt(i: number): boolean {
    const text = this.text;
    const marker = text.startsWith('---', i) || text.startsWith('...', i);
    if (!marker) return false;
    const next = text.charCodeAt(i + 3);
    return i + 3 >= text.length || next === SPACE || next === NEWLINE || next === RETURN;
  }

  private lineEnd(from: number): number {
    const newline = this.text.indexOf('\n', from);
    return newline < 0 ? this.text.length : newline;
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** A line break (`\n`, or `\r\n`: the text has no other `\r`) or the text's end at `i`. */
  private isBreakOrEnd(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return i >= this.text.length || c === NEWLINE || c === RETURN;
  }

  private isSpaceBreakOrEnd(i: number): boolean {
    return this.isBreakOrEnd(i) || this.text.charCodeAt(i) === SPACE;
  }

  /** A node that starts a line at `at` (its column `column`), inside a block indented `parentIndent`. */
  private block(at: number, column: number, parentIndent: number, depth: number): ValueNode {
    if (depth > MAX_DEPTH) throw STEP_ASIDE;
    const c = this.text.charCodeAt(at);
    if (c === DASH && this.isSpaceBreakOrEnd(at + 1)) return this.sequence(at, column, depth);
    if (this.colonAfterKey(at) >= 0) return this.mapping(at, column, depth);
    // After a comment in column 0 the library's lexer may read a scalar on its own line, and the line
    // below it, as one multi-line key.
    if (this.runZeroComment) throw STEP_ASIDE;
    const node = this.inline(at, false, depth);
    this.endLine(parentIndent);
    return node;
  }

  /**
   * After a value within its line, in a block at `column`: the rest of the line, then the comment lines
   * the library counts as the value's (indented past the block, before any other comment or content).
   * A line with content indented past the block would continue the value over lines: stepped aside.
   */
  private endLine(column: number): void {
    this.finishLine(this.valueEnd);
    const text = this.text;
    for (;;) {
      const i = this.skipBlankLines(this.after);
      if (i >= text.length || text.charCodeAt(i) !== HASH || this.column(i) <= column) break;
      const end = this.lineEnd(i);
      this.after = end < text.length ? end + 1 : end;
    }
    const next = this.nextContentLine(this.after);
    if (next < text.length && this.column(next) > column) throw STEP_ASIDE;
  }

  /**
   * A block that ended at `end` (past its last value, the next line with content being left of it):
   * where the library counts it to end with the comments after it, which it keeps if one of them is at
   * its column or right of it, and hands to the block around it otherwise.
   */
  private blockAfter(end: number, column: number): number {
    if (this.runComment < column || column === 0) return end;
    this.runComment = -1;
    return this.runEnd;
  }

  /** If the line at `at` is a mapping entry (`key:` then a space or the line's end), the colon's offset; else -1. */
  private colonAfterKey(at: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    let i: number;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      i = this.quotedEnd(at);
      if (i < 0) return -1;
      while (text.charCodeAt(i) === SPACE) i++;
      return text.charCodeAt(i) === COLON && this.isSpaceBreakOrEnd(i + 1) ? i : -1;
    }
    if (!this.plainStart(at, false)) return -1;
    for (i = at; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === NEWLINE || d === RETURN) return -1;
      if (d === COLON && this.isSpaceBreakOrEnd(i + 1)) return i;
      if (d === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** A mapping key that ends at `colon` (past trailing spaces): quoted, or a plain scalar that reads as a string. */
  private key(at: number, colon: number): StringNode {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (colon - at > 1024) throw STEP_ASIDE;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.inline(at, false, 0) as StringNode;
    let end = colon;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    const key = coreScalar(text.slice(at, end), at, end, text);
    // `true:`, `1:` and `~:` are keys the library reads as other values, then writes as text.
    if (key?.kind !== 'string') throw STEP_ASIDE;
    return key;
  }

  private mapping(at: number, column: number, depth: number): ValueNode {
    const object: ObjectNode = { kind: 'object', style: 'block', properties: [], start: at, end: at, parent: undefined };
    let line = at;
    for (;;) {
      const colon = this.colonAfterKey(line);
      if (colon < 0) throw STEP_ASIDE;
      const key = this.key(line, colon);
      const value = this.valueAfter(colon + 1, column, true, depth + 1);
      const property: PropertyNode = { kind: 'property', key, value, start: key.start, end: value.end, parent: object };
      key.parent = property;
      value.parent = property;
      addProperty(object, property, this.problems);
      const next = this.nextContentLine(this.after);
      if (next >= this.text.length) break;
      const nextColumn = this.column(next);
      if (nextColumn < column) break;
      if (nextColumn > column) throw STEP_ASIDE;
      line = next;
    }
    setEnd(object, this.after);
    this.after = this.blockAfter(this.after, column);
    return foldIntrinsic(object);
  }

  private sequence(at: number, column: number, depth: number): ArrayNode {
    const array: ArrayNode = { kind: 'array', style: 'block', items: [], start: at, end: at, parent: undefined };
    let line = at;
    for (;;) {
      const item = this.valueAfter(line + 1, column, false, depth + 1);
      item.parent = array;
      array.items.push(item);
      const next = this.nextContentLine(this.after);
      if (next >= this.text.length) break;
      const nextColumn = this.column(next);
      if (nextColumn !== column || this.text.charCodeAt(next) !== DASH || !this.isSpaceBreakOrEnd(next + 1)) {
        // The line goes back to a parent, or (at this column) is the next key of the mapping this sequence is the value of.
        if (nextColumn > column) throw STEP_ASIDE;
        break;
      }
      line = next;
    }
    setEnd(array, this.after);
    this.after = this.blockAfter(this.after, column);
    return array;
  }

  /**
   * The value after a `key:` or a `-` (at `from`, just past the indicator) of a block at `column`: on
   * the same line, on the lines below, or empty.
   */
  private valueAfter(from: number, column: number, ofMapping: boolean, depth: number): ValueNode {
    if (depth > MAX_DEPTH) throw STEP_ASIDE;
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === SPACE) i++;
    if (this.isBreakOrEnd(i)) return this.below(i, column, ofMapping, depth);
    const c = text.charCodeAt(i);
    if (c === HASH) {
      // `key:  # comment` with the value on the lines below; an empty value with a comment is the library's.
      const lineEnd = this.lineEnd(i);
      const below = this.below(lineEnd, column, ofMapping, depth);
      if (below.kind === 'null' && below.start === lineEnd) throw STEP_ASIDE;
      return below;
    }
    if (c === BANG) return this.tagged(i, column, depth);
    if (!ofMapping) {
      // `- - a` and `- key: value` open a block on the item's line, at the column they start.
      if (c === DASH && this.isSpaceBreakOrEnd(i + 1)) return this.sequence(i, this.column(i), depth);
      if (this.colonAfterKey(i) >= 0) return this.mapping(i, this.column(i), depth);
    }
    if (c === PIPE || c === GREATER) return this.blockScalar(i, column);
    const node = this.inline(i, false, depth);
    this.endLine(column);
    return node;
  }

  /** A value that starts on a line below its indicator, or an empty one (at `at`, past the indicator's spaces). */
  private below(at: number, column: number, ofMapping: boolean, depth: number): ValueNode {
    const next = this.nextContentLine(at + 1);
    if (next < this.text.length) {
      const nextColumn = this.column(next);
      if (nextColumn > column) return this.block(next, nextColumn, column, depth);
      // A mapping's value may be a sequence at the mapping's own column.
      if (ofMapping && nextColumn === column && this.text.charCodeAt(next) === DASH && this.isSpaceBreakOrEnd(next + 1)) {
        return this.sequence(next, column, depth);
      }
    }
    // Comments after an empty value belong to it in the library's count of where blocks end.
    if (this.runComment >= 0) throw STEP_ASIDE;
    this.after = at;
    return { kind: 'null', start: at, end: at, parent: undefined };
  }

  /** `!Tag value`: an opaque node over the value, with the value's range. */
  private tagged(at: number, column: number, depth: number): ValueNode {
    const text = this.text;
    let i = at + 1;
    while (i < text.length && !this.isSpaceBreakOrEnd(i)) i++;
    const tag = text.slice(at, i);
    if (!LOCAL_TAG.test(tag)) throw STEP_ASIDE;
    while (text.charCodeAt(i) === SPACE) i++;
    let argument: ValueNode;
    if (this.isBreakOrEnd(i)) {
      const next = this.nextContentLine(i + 1);
      if (next >= text.length || this.column(next) <= column) throw STEP_ASIDE;
      argument = this.block(next, this.column(next), column, depth + 1);
    } else {
      const c = text.charCodeAt(i);
      if (c === HASH || c === BANG) throw STEP_ASIDE;
      if (c === PIPE || c === GREATER) {
        argument = this.blockScalar(i, column);
      } else {
        argument = this.inline(i, false, depth + 1, true);
        this.endLine(column);
      }
    }
    const opaque: OpaqueNode = { kind: 'opaque', name: intrinsicName(tag), start: argument.start, end: argument.end, parent: undefined, argument };
    argument.parent = opaque;
    return opaque;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar at `at`, the value of a block at `column`, with its
   * chomping (`-`, `+`). An indentation indicator, a comment on the header, leading blank lines or a
   * blank last line without a newline are left to the library. The scalar's lines are those indented as
   * far as its first one, and the blank lines among and after them, less the trailing blank lines no
   * deeper than that first line (without `+`), which belong to what follows.
   */
  private blockScalar(at: number, column: number): ValueNode {
    const text = this.text;
    const folded = text.charCodeAt(at) === GREATER;
    let i = at + 1;
    const chomp = text[i] === '-' || text[i] === '+' ? text[i++]! : '';
    while (text.charCodeAt(i) === SPACE) i++;
    if (i >= text.length || !this.isBreakOrEnd(i)) throw STEP_ASIDE;
    const first = this.lineEnd(i) + 1;
    let j = first;
    while (text.charCodeAt(j) === SPACE) j++;
    const indent = j - first;
    if (this.isBreakOrEnd(j) || indent <= column) throw STEP_ASIDE;
    // Each line as [its spaces, its start, where its content ends (before any \r), where its \n is]: the
    // library's lexer decides which lines are the scalar's, its composer what they say (yaml-scalars.ts).
    const lines: Array<[number, number, number, number]> = [];
    const blank = (line: readonly [number, number, number, number]) => line[1] + line[0] === line[2];
    for (let line = first; line < text.length;) {
      let k = line;
      while (text.charCodeAt(k) === SPACE) k++;
      if (!this.isBreakOrEnd(k) && k - line < indent) break;
      if (k >= text.length) throw STEP_ASIDE;
      const lineEnd = this.lineEnd(k);
      lines.push([k - line, line, text.charCodeAt(lineEnd - 1) === RETURN ? lineEnd - 1 : lineEnd, lineEnd]);
      line = lineEnd + 1;
    }
    if (chomp !== '+') {
      while (lines.length > 1) {
        const last = lines[lines.length - 1]!;
        if (!blank(last) || last[0] > indent) break;
        lines.pop();
      }
    }
    const lastLine = lines[lines.length - 1]!;
    const end = Math.min(text.length, lastLine[3] + 1);
    const value = blockScalarValue(
      lines.map(([spaces, start, contentEnd]) => [spaces, text.slice(start + Math.min(spaces, indent), contentEnd)] as const),
      end === lastLine[3] + 1,
      indent,
      folded,
      chomp,
    );
    this.after = end;
    const next = this.nextContentLine(end);
    if (next < text.length && this.column(next) > column) throw STEP_ASIDE;
    return newString(value, at, end, undefined, text);
  }

  /** After a value on its line: spaces, perhaps a comment, then the line's end; `after` is past the newline. */
  private finishLine(from: number): void {
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < text.length && text.charCodeAt(i) === HASH) {
      if (i === from) throw STEP_ASIDE;
      i = this.lineEnd(i);
    }
    if (!this.isBreakOrEnd(i)) throw STEP_ASIDE;
    this.after = i < text.length ? this.lineEnd(i) + 1 : i;
  }

  /**
   * A value within one line at `at`: a quoted or plain scalar or a flow collection; `valueEnd` is set
   * past it. A tag's value is a string whatever it reads as (the library resolves unknown tags so).
   */
  private inline(at: number, flow: boolean, depth: number, tagged = false): ValueNode {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const end = this.quotedEnd(at);
      if (end < 0) throw STEP_ASIDE;
      this.valueEnd = end;
      const value = c === DOUBLE_QUOTE ? doubleQuotedValue(text.slice(at + 1, end - 1)) : text.slice(at + 1, end - 1).replace(/''/g, "'");
      if (value === undefined) throw STEP_ASIDE;
      return newString(value, at, end, c === DOUBLE_QUOTE ? '"' : "'", text);
    }
    if (c === OPEN_SQUARE || c === OPEN_CURLY) return this.flowCollection(at, depth + 1);
    if (!this.plainStart(at, flow)) throw STEP_ASIDE;
    const end = this.plainEnd(at, flow);
    this.valueEnd = end;
    const source = text.slice(at, end);
    if (tagged) return newString(source, at, end, undefined, text);
    const scalar = coreScalar(source, at, end, text);
    if (!scalar) throw STEP_ASIDE;
    return scalar;
  }

  /** Can a plain scalar start at `at`? (`-`, `?`, `:` only before a character that could follow in it.) */
  private plainStart(at: number, flow: boolean): boolean {
    const c = this.text.charCodeAt(at);
    if (this.isSpaceBreakOrEnd(at)) return false;
    if (c === DASH || c === 0x3f || c === COLON) {
      const next = this.text.charCodeAt(at + 1);
      return !this.isSpaceBreakOrEnd(at + 1) && !(flow && isFlowIndicator(next));
    }
    return !PLAIN_START_INDICATORS.has(c);
  }

  /** Where a plain scalar that starts at `at` ends (trailing spaces left out). */
  private plainEnd(at: number, flow: boolean): number {
    const text = this.text;
    let i = at;
    let end = at;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE || c === RETURN) break;
      if (c === SPACE) continue;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
      if (c === COLON) {
        const next = text.charCodeAt(i + 1);
        // In a block value `a: b: c` is an error; in a flow, the colon ends a key.
        if (this.isSpaceBreakOrEnd(i + 1) || (flow && isFlowIndicator(next))) {
          if (!flow) throw STEP_ASIDE;
          break;
        }
      }
      if (flow && isFlowIndicator(c)) break;
      end = i + 1;
    }
    return end;
  }

  /** Past the closing quote of a quoted scalar at `at` on its line, or -1 if it does not close there. */
  private quotedEnd(at: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let i = at + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE || c === RETURN) return -1;
      if (quote === DOUBLE_QUOTE && c === BACKSLASH) {
        i++;
        continue;
      }
      if (c === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  /** `[…]` or `{…}` on one line; `valueEnd` is past the closing bracket. */
  private flowCollection(at: number, depth: number): ValueNode {
    if (depth > MAX_DEPTH) throw STEP_ASIDE;
    const text = this.text;
    const isMap = text.charCodeAt(at) === OPEN_CURLY;
    const close = isMap ? CLOSE_CURLY : CLOSE_SQUARE;
    const object: ObjectNode | undefined = isMap ? { kind: 'object', style: 'flow', properties: [], start: at, end: at, parent: undefined } : undefined;
    const array: ArrayNode | undefined = isMap ? undefined : { kind: 'array', style: 'flow', items: [], start: at, end: at, parent: undefined };
    let i = this.skipSpaces(at + 1);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        const c = text.charCodeAt(i);
        if (isMap) {
          if (c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE && !this.plainStart(i, true)) throw STEP_ASIDE;
          const key = this.inline(i, true, depth);
          if (key.kind !== 'string') throw STEP_ASIDE;
          i = this.skipSpaces(this.valueEnd);
          // `{a: b}`; after a quoted key the colon may touch the value (`{"a":b}`).
          if (text.charCodeAt(i) !== COLON || (!key.quote && !this.isSpaceBreakOrEnd(i + 1))) throw STEP_ASIDE;
          i = this.skipSpaces(i + 1);
          const value = this.flowItem(i, depth);
          const property: PropertyNode = { kind: 'property', key, value, start: key.start, end: value.end, parent: object! };
          key.parent = property;
          value.parent = property;
          addProperty(object!, property, this.problems);
        } else {
          const item = this.flowItem(i, depth);
          item.parent = array!;
          array!.items.push(item);
        }
        i = this.skipSpaces(this.valueEnd);
        const d = text.charCodeAt(i);
        if (d === close) break;
        if (d !== COMMA) throw STEP_ASIDE;
        i = this.skipSpaces(i + 1);
        // A trailing comma, or an item that would be a pair (`[a: b]`), is left to the library.
        if (text.charCodeAt(i) === close || text.charCodeAt(i) === COMMA) throw STEP_ASIDE;
      }
    }
    this.valueEnd = i + 1;
    if (object) {
      setEnd(object, i + 1);
      return foldIntrinsic(object);
    }
    setEnd(array!, i + 1);
    return array!;
  }

  /** An item or a mapping value inside a flow collection (perhaps tagged); `valueEnd` is past it. */
  private flowItem(at: number, depth: number): ValueNode {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === BANG) {
      let i = at + 1;
      while (i < text.length && !this.isSpaceBreakOrEnd(i) && !isFlowIndicator(text.charCodeAt(i))) i++;
      const tag = text.slice(at, i);
      if (!LOCAL_TAG.test(tag) || text.charCodeAt(i) !== SPACE) throw STEP_ASIDE;
      const from = this.skipSpaces(i);
      if (text.charCodeAt(from) === BANG) throw STEP_ASIDE;
      const argument = this.flowItem(from, depth + 1);
      const opaque: OpaqueNode = { kind: 'opaque', name: intrinsicName(tag), start: argument.start, end: argument.end, parent: undefined, argument };
      argument.parent = opaque;
      return opaque;
    }
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === OPEN_SQUARE || c === OPEN_CURLY) return this.inline(at, true, depth);
    const node = this.inline(at, true, depth);
    // A plain item followed by a colon would be a pair: left to the library.
    if (text.charCodeAt(this.skipSpaces(this.valueEnd)) === COLON) throw STEP_ASIDE;
    return node;
  }

  /** Past the spaces from `at`; a flow collection that goes on to another line is left to the library. */
  private skipSpaces(at: number): number {
    let i = at;
    while (this.text.charCodeAt(i) === SPACE) i++;
    if (this.isBreakOrEnd(i) || this.text.charCodeAt(i) === HASH) throw STEP_ASIDE;
    return i;
  }
}
keepShape(new BlockReader(''));

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;
}

// Offset ↔ line/character conversion, in UTF-16 code units as LSP expects by default.
import { keepShape } from '../iam/shapes';

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private computed: number[] | undefined;

  constructor(
    private readonly text: string,
    /** The index of the text this one was edited from, and where: its line starts are moved, not searched for again. */
    private edit?: { readonly previous: LineIndex; readonly start: number; readonly oldEnd: number; readonly newEnd: number },
  ) {}

  /**
   * The index of `text`, which [start, oldEnd) of the previous index's text became [start, newEnd) of.
   * A keystroke in a big template then costs the edited range, not a search of the whole text.
   */
  static afterEdit(previous: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    // Only from an index whose starts are known: an index never asked holds no chain of earlier texts.
    return previous.computed ? new LineIndex(text, { previous, start, oldEnd, newEnd }) : new LineIndex(text);
  }

  /** Line starts, found the first time a position is asked for: a clean file in the CLI never needs them. */
  private get starts(): number[] {
    if (this.computed) return this.computed;
    const moved = this.edit && this.moved();
    this.edit = undefined;
    if (moved) return (this.computed = moved);
    const starts = [0];
    const text = this.text;
    if (!text.includes('\r')) {
      // Nearly every file: the engine's search for \n is several times faster than a loop over characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.computed = starts;
      return starts;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.computed = starts;
    return starts;
  }

  /**
   * The previous index's line starts before the edit, those the edited range holds, and those after it
   * moved. A start is the offset after a \n, or after a \r not followed by \n: each one at or after the
   * edit's start depends on characters the edit may have changed, up to the one after its end.
   */
  private moved(): number[] {
    const { previous, start, oldEnd, newEnd } = this.edit!;
    const before = previous.computed!;
    const text = this.text;
    const starts: number[] = [];
    let i = 0;
    while (i < before.length && before[i]! < start) starts.push(before[i++]!);
    if (starts.length === 0) starts.push(0);
    for (let at = Math.max(0, start - 1); at <= newEnd && at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) starts.push(at + 1);
    }
    const delta = newEnd - oldEnd;
    while (i < before.length && before[i]! <= oldEnd + 1) i++;
    while (i < before.length) starts.push(before[i++]! + delta);
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    const starts = this.starts;
    if (position.line >= starts.length) return this.text.length;
    const lineStart = starts[position.line]!;
    const nextStart = position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }
}
keepShape(new LineIndex(''));

/** The blanks that start the line holding offset. */
export function leadingIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, Math.min(end, offset));
}

/** Spaces up to offset's column: where keys written after the first one must line up (YAML). */
export function columnIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return ' '.repeat(offset - start);
}

const SAMPLE_LINES = 400;

/**
 * The document's indentation unit: the smallest step by which a line is indented more than the line
 * before it, among the first lines; a tab where lines start with tabs; two spaces for a new document.
 */
export function indentUnit(text: string): string {
  let previous = 0;
  let smallest = Infinity;
  let lines = 0;
  let position = 0;
  while (position < text.length && lines < SAMPLE_LINES) {
    let end = text.indexOf('\n', position);
    if (end < 0) end = text.length;
    let blanks = position;
    while (blanks < end && text[blanks] === ' ') blanks++;
    if (text[blanks] === '\t' && blanks === position) return '\t';
    const content = blanks < end && text[blanks] !== '\r';
    if (content) {
      const depth = blanks - position;
      if (depth > previous) smallest = Math.min(smallest, depth - previous);
      previous = depth;
    }
    position = end + 1;
    lines++;
  }
  return ' '.repeat(Number.isFinite(smallest) ? Math.min(smallest, 8) : 2);
}

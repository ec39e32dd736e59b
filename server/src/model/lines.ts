// Offset ↔ line/character conversion, in UTF-16 code units as LSP expects by default.
import { keepShape } from '../iam/shapes';

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private computed: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Line starts, found the first time a position is asked for: a clean file in the CLI never needs them. */
  private get starts(): number[] {
    if (this.computed) return this.computed;
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

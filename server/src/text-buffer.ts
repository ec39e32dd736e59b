// The open document's text, kept so that a keystroke costs next to nothing in a big file. The stock
// TextDocument rebuilds the whole string on every change (3 ms a keystroke at 1 MiB, more than a fast
// typist leaves between keys); this one keeps the edits that follow one another as one pending
// replacement and builds the string only when someone reads it: once per request, not per key.
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** base[start, end) is replaced by text. */
interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function lineStarts(text: string, offset = 0, first = true): number[] {
  const starts = first ? [offset] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(offset + i + 1);
  }
  return starts;
}

export class TypingTextDocument implements TextDocument {
  private base: string;
  private pending: Replacement | undefined;
  private length: number;
  private starts: number[];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
  ) {
    this.base = text;
    this.length = text.length;
    this.starts = lineStarts(text);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  getText(range?: Range): string {
    if (this.pending) {
      const { start, end, text } = this.pending;
      this.base = this.base.slice(0, start) + text + this.base.slice(end);
      this.pending = undefined;
    }
    return range ? this.base.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.base;
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.length;
    if (position.line < 0) return 0;
    const lineStart = this.starts[position.line]!;
    if (position.character <= 0) return lineStart;
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.length;
    return this.beforeLineEnd(Math.min(lineStart + position.character, nextStart), lineStart);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineOf(clamped);
    return { line, character: this.beforeLineEnd(clamped, this.starts[line]!) - this.starts[line]! };
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = this.starts.length - 1;
    if (line > last) return { start: { line: last, character: 0 }, end: { line: last, character: this.length - this.starts[last]! } };
    const start = this.starts[line]!;
    const end = this.beforeLineEnd(line < last ? this.starts[line + 1]! : this.length, start);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.length;
    const end = this.beforeLineEnd(next, this.starts[line]!);
    let eol = '';
    for (let i = end; i < next; i++) eol += String.fromCharCode(this.charCodeAt(i));
    return eol;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.base = change.text;
        this.pending = undefined;
        this.length = change.text.length;
        this.starts = lineStarts(change.text);
        continue;
      }
      const [from, to] = [this.offsetAt(change.range.start), this.offsetAt(change.range.end)];
      const [start, end] = from <= to ? [from, to] : [to, from];
      const startLine = this.lineOf(start);
      const endLine = this.lineOf(end);
      this.replace(start, end, change.text);
      const insertedEnd = start + change.text.length;
      const crlf = (at: number) => this.charCodeAt(at - 1) === 13 && this.charCodeAt(at) === 10;
      if (crlf(start) || crlf(insertedEnd)) {
        // A \r and a \n joined across the edit's edge make one line break: count the lines again.
        this.length += change.text.length - (end - start);
        this.starts = lineStarts(this.getText());
        continue;
      }
      // Line starts: those of the replaced lines give way to the new text's; the later ones move.
      const added = lineStarts(change.text, start, false);
      if (added.length < 10_000) this.starts.splice(startLine + 1, endLine - startLine, ...added);
      else this.starts = [...this.starts.slice(0, startLine + 1), ...added, ...this.starts.slice(endLine + 1)];
      const delta = change.text.length - (end - start);
      if (delta !== 0) for (let i = startLine + 1 + added.length; i < this.starts.length; i++) this.starts[i]! += delta;
      this.length += delta;
    }
    this.currentVersion = version;
  }

  /** The line an offset is on, by its start. */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** A position never falls inside a line break: as the stock TextDocument does, step back before it. */
  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const c = this.charCodeAt(offset - 1);
      if (c !== 10 && c !== 13) break;
      offset--;
    }
    return offset;
  }

  /** A character of the current text, read through the pending replacement without building the string. */
  private charCodeAt(offset: number): number {
    const pending = this.pending;
    if (!pending || offset < pending.start) return this.base.charCodeAt(offset);
    if (offset < pending.start + pending.text.length) return pending.text.charCodeAt(offset - pending.start);
    return this.base.charCodeAt(offset - pending.text.length + (pending.end - pending.start));
  }

  /** Replaces [start, end) of the current text: merged into the pending replacement when it touches it, else that one is applied first. */
  private replace(start: number, end: number, text: string): void {
    const pending = this.pending;
    if (!pending) {
      this.pending = { start, end, text };
      return;
    }
    const writtenEnd = pending.start + pending.text.length;
    if (start > writtenEnd || end < pending.start) {
      this.getText();
      this.pending = { start, end, text };
      return;
    }
    // The span of the current text both touch, read from the base and the pending text, rewritten once.
    const spanStart = Math.min(start, pending.start);
    const spanEnd = Math.max(end, writtenEnd);
    const baseEnd = pending.end + (spanEnd - writtenEnd);
    const span = this.base.slice(spanStart, pending.start) + pending.text + this.base.slice(pending.end, baseEnd);
    this.pending = { start: spanStart, end: baseEnd, text: span.slice(0, start - spanStart) + text + span.slice(end - spanStart) };
  }
}

export const typingDocuments: TextDocumentsConfiguration<TypingTextDocument> = {
  create: (uri, languageId, version, content) => new TypingTextDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};

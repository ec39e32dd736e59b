// A YAML block mapping read on its own: its extent is told by indentation (it owns every line indented
// at least as far as its first key, up to the first line that is not), so an edit inside one policy of a
// big template can be read without the rest (model/splice.ts).
import type { Fragment } from '../model/format';
import { moveTree, type ObjectNode } from '../model/tree';
import { parseYaml } from './yaml-reader';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const HASH = 0x23;

function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== NEWLINE) start--;
  return start;
}

/** The column of a line's first character, or -1 for a line of blanks or a comment, which belongs to no block. */
function contentColumn(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === SPACE) i++;
  const c = text.charCodeAt(i);
  return i >= text.length || c === NEWLINE || c === RETURN || c === HASH ? -1 : i - lineStart;
}

function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The start of the first line after the block whose content sits left of the block's column (or the end of the text). */
export function valueExtent(text: string, node: ObjectNode): number | undefined {
  if (node.style !== 'block') return undefined;
  const column = node.start - lineStartOf(text, node.start);
  if (column === 0) return undefined;
  for (let line = nextLineStart(text, Math.max(node.start, node.end - 1)); line < text.length; line = nextLineStart(text, line)) {
    const content = contentColumn(text, line);
    if (content >= 0 && content < column) return line;
  }
  return text.length;
}

export function parseFragment(text: string, start: number, end: number): Fragment | undefined {
  const lineStart = lineStartOf(text, start);
  const column = start - lineStart;
  if (column === 0) return undefined;
  // Every line of the range must still belong to the block, and the line at its end must not.
  for (let line = nextLineStart(text, start); line < end; line = nextLineStart(text, line)) {
    const content = contentColumn(text, line);
    if (content >= 0 && content < column) return undefined;
  }
  if (end < text.length) {
    if (text.charCodeAt(end - 1) !== NEWLINE) return undefined;
    const content = contentColumn(text, end);
    if (content < 0 || content >= column) return undefined;
  }
  // The next line's indentation too: the YAML library may end a block there (after an empty last value).
  let through = end;
  while (text.charCodeAt(through) === SPACE) through++;
  // What precedes the block on its first line (`- ` of a list item) becomes blanks: same columns, no context.
  const source = ' '.repeat(column) + text.slice(start, through);
  const reading = parseYaml(source);
  const root = reading.roots[0];
  if (reading.unclosed || reading.roots.length !== 1 || root?.kind !== 'object' || root.style !== 'block' || root.start !== column) return undefined;
  // A problem at the last token is something that ran into the end (a quote or bracket left open, a parser
  // that lost its place): in the whole text it may go on.
  const contentEnd = source.trimEnd().length;
  if (reading.problems.some((p) => p.end >= contentEnd)) return undefined;
  return { root: moveTree(root, lineStart), problems: reading.problems.map((p) => ({ ...p, start: p.start + lineStart, end: p.end + lineStart })) };
}

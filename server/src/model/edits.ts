// Minimal, formatting-preserving edits on the model for quick fixes: replace a value, remove a list
// item or a property, add a property or a statement. Offsets in, offsets out; the user's indentation,
// comments and quoting style are kept.
import { writerAt, type PolicyDocument } from './document';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from './tree';

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Replaces a scalar (value or key) by another, written the way the source writes it (an unquoted key as the syntax writes keys). */
export function replaceScalar(document: PolicyDocument, node: StringNode, value: string): OffsetEdit {
  const writer = writerAt(document, node.start);
  const isKey = node.parent?.kind === 'property' && node.parent.key === node;
  return { start: node.start, end: node.end, newText: isKey && !node.quote ? writer.key(value) : writer.string(value, node.quote) };
}

function isBlock(node: ArrayNode | ObjectNode): boolean {
  return node.style === 'block';
}

function lineStartOf(document: PolicyDocument, offset: number): number {
  return document.lines.offsetAt({ line: document.lines.positionAt(offset).line, character: 0 });
}

/** The start of the line after the one holding the character before `end` (block YAML ranges may end after a newline). */
function nextLineStart(document: PolicyDocument, end: number): number {
  const last = Math.max(0, end - 1);
  return document.lines.offsetAt({ line: document.lines.positionAt(last).line + 1, character: 0 });
}

/** Where a node's text really ends: a YAML block node's range runs on over the line breaks after it. */
function contentEnd(document: PolicyDocument, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(document.text[at - 1]!)) at--;
  return at;
}

export function columnOf(document: PolicyDocument, offset: number): number {
  return document.lines.positionAt(offset).character;
}

/** Removes an item from a list, with its separator (flow/JSON) or its whole line (YAML block). */
export function removeListItem(document: PolicyDocument, list: ArrayNode, item: ValueNode): OffsetEdit {
  const index = list.items.indexOf(item);
  if (isBlock(list)) return { start: lineStartOf(document, item.start), end: nextLineStart(document, item.end), newText: '' };
  const previous = list.items[index - 1];
  const next = list.items[index + 1];
  if (previous) return { start: previous.end, end: item.end, newText: '' };
  if (next) return { start: item.start, end: next.start, newText: '' };
  return { start: item.start, end: item.end, newText: '' };
}

/** Removes a property with its separator (JSON/flow) or its lines (YAML block). */
export function removeProperty(document: PolicyDocument, object: ObjectNode, property: PropertyNode): OffsetEdit {
  const index = object.properties.indexOf(property);
  const end = property.value?.end ?? property.end;
  if (isBlock(object)) {
    const lineStart = lineStartOf(document, property.start);
    // The first key of a YAML list item shares its line with the dash: the next key takes its place after it.
    const next = object.properties[index + 1];
    if (next && document.text.slice(lineStart, property.start).trim() !== '') return { start: property.start, end: next.start, newText: '' };
    return { start: lineStart, end: nextLineStart(document, end), newText: '' };
  }
  const previous = object.properties[index - 1];
  const next = object.properties[index + 1];
  if (previous) return { start: previous.end, end, newText: '' };
  if (next) return { start: property.start, end: next.start, newText: '' };
  return { start: property.start, end, newText: '' };
}

/** Adds a property as the first (or last) of an object, in the object's own layout. */
export function addProperty(document: PolicyDocument, object: ObjectNode, key: string, value: unknown, where: 'first' | 'last'): OffsetEdit {
  const writer = writerAt(document, object.start);
  const own = writer.addedEntry?.(document.text, object, key, value, where);
  if (own) return own;
  const entry = writer.inlineEntry(key, writer.inline(value));
  const anchor = where === 'first' ? object.properties[0] : object.properties[object.properties.length - 1];
  const block = isBlock(object);
  if (!anchor) {
    if (!block) return { start: object.start + 1, end: object.start + 1, newText: entry };
    return { start: object.start, end: object.start, newText: `${entry}\n${' '.repeat(columnOf(document, object.start))}` };
  }
  const multiline = block || document.lines.positionAt(anchor.start).line !== document.lines.positionAt(object.start).line;
  const indent = ' '.repeat(columnOf(document, anchor.key.start));
  if (where === 'first') {
    const separator = block ? `\n${indent}` : multiline ? `,\n${indent}` : ', ';
    return { start: anchor.key.start, end: anchor.key.start, newText: `${entry}${separator}` };
  }
  const end = contentEnd(document, anchor.value?.end ?? anchor.end);
  const separator = block ? `\n${indent}` : multiline ? `,\n${indent}` : ', ';
  return { start: end, end, newText: `${separator}${entry}` };
}

/** Appends an item after another in its list, in the list's own layout. */
export function insertListItemAfter(document: PolicyDocument, list: ArrayNode, after: ValueNode, value: unknown): OffsetEdit {
  const writer = writerAt(document, list.start);
  const own = writer.addedItem?.(document.text, list, after, value);
  if (own) return own;
  const rendered = writer.inline(value);
  if (isBlock(list)) {
    const dash = ' '.repeat(Math.max(0, columnOf(document, after.start) - 2));
    const end = contentEnd(document, after.end);
    return { start: end, end, newText: `\n${dash}- ${rendered}` };
  }
  const multiline = document.lines.positionAt(after.start).line !== document.lines.positionAt(list.start).line;
  const indent = ' '.repeat(columnOf(document, after.start));
  return { start: after.end, end: after.end, newText: multiline ? `,\n${indent}${rendered}` : `, ${rendered}` };
}

/** Replaces one list item by several, or a single value by a list of them. */
export function replaceWithItems(document: PolicyDocument, node: StringNode, values: readonly string[]): OffsetEdit {
  const parent = node.parent;
  const writer = writerAt(document, node.start);
  const quoted = values.map((v) => writer.string(v, node.quote));
  if (parent?.kind === 'array') {
    if (isBlock(parent)) {
      const dash = ' '.repeat(Math.max(0, columnOf(document, node.start) - 2));
      return { start: node.start, end: node.end, newText: quoted.join(`\n${dash}- `) };
    }
    const multiline = document.lines.positionAt(node.start).line !== document.lines.positionAt(parent.start).line;
    return { start: node.start, end: node.end, newText: quoted.join(multiline ? `,\n${' '.repeat(columnOf(document, node.start))}` : ', ') };
  }
  return { start: node.start, end: node.end, newText: `[${quoted.join(', ')}]` };
}

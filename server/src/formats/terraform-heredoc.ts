// A JSON policy written as a heredoc (`policy = <<EOF … EOF`): the template's text, decoded, is read by
// the JSON reader, and every offset of the tree it gives is mapped back to the source through the
// heredoc's removed indentation and escapes. Each `${…}` stands in the JSON as one placeholder
// character; a string or value that holds one is decided at apply time and becomes opaque.
import type { SyntaxProblem } from '../model/problems';
import type { ObjectNode, PropertyNode, StringNode, ValueNode } from '../model/tree';
import { literalSourceOffset, type HclHeredoc, type HclLiteral, type Span } from './hcl-ast';
import { parseJson } from './json-reader';
import { opaqueOf } from './terraform-values';
import { keepShape } from '../iam/shapes';

/** One piece of the JSON text: a literal's decoded text, or a placeholder for a `${…}`. */
interface Piece {
  readonly viewStart: number;
  readonly viewEnd: number;
  readonly literal: HclLiteral | undefined;
  readonly sequence: Span | undefined;
}

export interface HeredocJson {
  readonly root: ObjectNode;
  readonly problems: SyntaxProblem[];
}

/** The JSON object a heredoc holds, with source offsets; undefined when it is not one, or when Terraform's own syntax decides its shape. */
export function heredocJson(heredoc: HclHeredoc, text: string): HeredocJson | undefined {
  // A %{for} or %{if} writes the JSON's structure itself: what IAM receives cannot be read here.
  if (heredoc.parts.some((p) => p.kind === 'directive')) return undefined;
  const pieces: Piece[] = [];
  let view = '';
  for (const part of heredoc.parts) {
    const start = view.length;
    if (part.kind === 'literal') {
      view += part.value;
      pieces.push({ viewStart: start, viewEnd: view.length, literal: part, sequence: undefined });
    } else {
      view += '0';
      pieces.push({ viewStart: start, viewEnd: view.length, literal: undefined, sequence: part });
    }
  }
  if (view.trimStart()[0] !== '{') return undefined;
  const reading = parseJson(view);
  const root = reading.roots[0];
  if (root?.kind !== 'object') return undefined;
  // A mistake next to a placeholder may be the interpolation's doing (`{ ${x} }`): leave such a document alone.
  const placeholders = pieces.filter((p) => p.sequence);
  if (reading.problems.some((problem) => placeholders.some((p) => problem.start <= p.viewEnd && problem.end >= p.viewStart))) return undefined;
  const map = new ViewMap(pieces, heredoc.bodyEnd);
  const mapped = remap(root, map, text) as ObjectNode;
  const problems = reading.problems.map((p) => ({ ...p, start: map.source(p.start), end: Math.max(map.source(p.end), map.source(p.start) + 1) }));
  return { root: mapped, problems };
}

/** View offsets (in the decoded JSON text) to source offsets. */
class ViewMap {
  private readonly hasSequences: boolean;

  constructor(
    private readonly pieces: readonly Piece[],
    private readonly end: number,
  ) {
    this.hasSequences = pieces.some((p) => p.sequence);
  }

  /** The index of the piece that holds a view offset (the later one at a boundary). */
  private indexAt(offset: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.pieces[mid]!.viewStart <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  source(offset: number): number {
    const piece = this.pieces[this.indexAt(offset)];
    if (!piece) return this.end;
    if (piece.literal) return literalSourceOffset(piece.literal, Math.min(offset, piece.viewEnd) - piece.viewStart);
    return offset <= piece.viewStart ? piece.sequence!.start : piece.sequence!.end;
  }

  /** Does the view range [start, end) hold a placeholder? */
  touchesSequence(start: number, end: number): boolean {
    if (!this.hasSequences) return false;
    for (let i = this.indexAt(start); i < this.pieces.length && this.pieces[i]!.viewStart < end; i++) {
      const piece = this.pieces[i]!;
      if (piece.sequence && piece.viewEnd > start) return true;
    }
    return false;
  }

  /**
   * The offsets (see StringNode) of a string whose value is the view's [contentStart, contentStart +
   * length) character for character, lying in one literal: that literal's runs, cut to the string.
   */
  stringOffsets(length: number, contentStart: number, nodeStart: number): number[] | undefined {
    const piece = this.pieces[this.indexAt(contentStart)];
    const literal = piece?.literal;
    if (!piece || !literal || contentStart + length > piece.viewEnd) return undefined;
    const from = contentStart - piece.viewStart;
    const runs = literal.runs ?? [0, literal.start, literal.value.length, literal.end];
    const offsets: number[] = [];
    for (let i = 0; i + 2 < runs.length; i += 2) {
      const runStart = Math.max(runs[i]!, from);
      if (runs[i + 2]! <= from || runStart >= from + length) continue;
      offsets.push(runStart - from, runs[i + 1]! + (runStart - runs[i]!) - nodeStart);
    }
    offsets.push(length, literalSourceOffset(literal, from + length) - nodeStart);
    return offsets;
  }
}
keepShape(new ViewMap([], 0));

type Moved = { -readonly [K in 'start' | 'end']: number };

/** Gives a node of the view's tree its source range: the tree is the heredoc's own, so it is moved in place, not copied. */
function move(node: ValueNode | PropertyNode, start: number, end: number): void {
  (node as Moved).start = start;
  (node as Moved).end = end;
}

/** The JSON tree with source offsets; strings and values that hold a placeholder become opaque. */
function remap(node: ValueNode, map: ViewMap, text: string): ValueNode {
  const start = map.source(node.start);
  const end = map.source(node.end);
  if (node.kind !== 'object' && node.kind !== 'array' && map.touchesSequence(node.start, node.end)) return opaqueOf({ start, end }, text);
  switch (node.kind) {
    case 'object': {
      // A key that holds a placeholder is computed at apply time: which keys the object has cannot be told.
      if (node.properties.some((property) => map.touchesSequence(property.key.start, property.key.end))) return opaqueOf({ start, end }, text);
      if (node.commas) node.commas = node.commas.map((c) => map.source(c));
      for (const property of node.properties) remapProperty(property, map, text);
      move(node, start, end);
      return node;
    }
    case 'array': {
      if (node.commas) node.commas = node.commas.map((c) => map.source(c));
      node.items.forEach((item, i) => {
        const moved = remap(item, map, text);
        moved.parent = node;
        node.items[i] = moved;
      });
      move(node, start, end);
      return node;
    }
    case 'string':
      remapString(node, map, start, end);
      return node;
    default:
      move(node, start, end);
      return node;
  }
}

function remapString(node: StringNode, map: ViewMap, start: number, end: number): void {
  const contentStart = node.quote ? node.start + 1 : node.start;
  const contentEnd = node.quote && node.closed ? node.end - 1 : node.end;
  move(node, start, end);
  // Strings with JSON escapes keep no offsets (their parts are reported on the whole string, as in JSON).
  const length = node.value.length;
  if (contentEnd - contentStart !== length) return;
  const offsets = map.stringOffsets(length, contentStart, start);
  const skip = node.quote ? 1 : 0;
  const identity = offsets && offsets.length === 4 && offsets[1] === skip && offsets[3] === skip + length;
  if (offsets && !identity) (node as { offsets?: readonly number[] }).offsets = offsets;
}

function remapProperty(property: PropertyNode, map: ViewMap, text: string): void {
  const start = map.source(property.start);
  const end = map.source(property.end);
  remapString(property.key, map, map.source(property.key.start), map.source(property.key.end));
  if (property.colon !== undefined) property.colon = map.source(property.colon);
  if (property.value) {
    property.value = remap(property.value, map, text);
    property.value.parent = property;
  }
  move(property, start, end);
}

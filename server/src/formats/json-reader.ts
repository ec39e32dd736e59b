// Reads JSON (comments allowed, as in jsonc) into the shared tree: strict JSON by hand (json-strict.ts),
// anything else in one pass over jsonc-parser's visitor.
import { createScanner, ParseErrorCode, SyntaxKind, visit } from 'jsonc-parser';
import { addProperty, foldIntrinsic, newString, setEnd } from '../model/builder';
import type { ParsedText } from '../model/format';
import { readStrictJson } from './json-strict';
import { MAX_NESTING_DEPTH, MAX_NESTING_MESSAGE, type SyntaxProblem } from '../model/problems';
import type { ArrayNode, ObjectNode, PropertyNode, ValueNode } from '../model/tree';

interface Frame {
  node: ObjectNode | ArrayNode;
  pending: PropertyNode | undefined;
}

export function parseJson(text: string): ParsedText {
  return readStrictJson(text) ?? parseJsonc(text);
}

/**
 * Any text, comments and errors included: the visitor's tokens, with its recovery. Two slips make the
 * visitor skip the rest of an entry, and later entries cascade into errors or vanish from the tree: a
 * key written without quotes (`{Effect: "Allow", Action: …}`, as in JavaScript), and a key still being
 * typed, with no colon, above the next entry (`"Si"` on the line before `"Action": …`). When the first
 * reading meets either, the text is read again with each such key repaired in place: a bare key masked
 * as a quoted string of the same length, and a colon, a value and a comma lent from the blanks after a
 * key with none, which the tree does not keep. Offsets stay those of the text.
 */
export function parseJsonc(text: string): ParsedText {
  const slips = { found: false };
  const first = readJsonc(text, undefined, slips);
  if (!slips.found) return first;
  const repairs = findKeyRepairs(text);
  if (repairs.length === 0) return first;
  let source = '';
  let from = 0;
  const bare = new Set<number>();
  const lent = new Set<number>();
  for (const repair of repairs) {
    source += text.slice(from, repair.start);
    source += repair.bare ? `"${' '.repeat(repair.end - repair.start - 2)}"` : text.slice(repair.start, repair.end);
    from = repair.end;
    if (repair.bare) bare.add(repair.start);
    if (repair.colonless) {
      source += ':0,';
      from += 3;
      for (const offset of [repair.end, repair.end + 1, repair.end + 2]) lent.add(offset);
    }
  }
  source += text.slice(from);
  return readJsonc(text, { source, bare, lent }, slips);
}

/** A key the visitor cannot read with what follows it, found by jsonc-parser's scanner. */
interface KeyRepair {
  readonly start: number;
  readonly end: number;
  /** Written without quotes (two characters at least, to be masked as a string). */
  readonly bare: boolean;
  /** No colon, and another entry follows after three blanks at least. */
  readonly colonless: boolean;
}

/**
 * The keys in an object (after its `{` or a comma) written without quotes, or followed by the next
 * entry's string instead of a colon. The scanner knows strings and comments; in a list,
 * `[…, profile:GetDomain]` is a value.
 */
function findKeyRepairs(text: string): KeyRepair[] {
  const scanner = createScanner(text, false);
  const found: KeyRepair[] = [];
  const containers: SyntaxKind[] = [];
  let previous = SyntaxKind.EOF;
  let candidate: { start: number; end: number; bare: boolean } | undefined;
  // A key with no colon, taken once the string after it proves to be the next entry's key (`"Allow"` after
  // `"Effect"` is the missing colon's value, not a key).
  let beforeNextKey: KeyRepair | undefined;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (TRIVIA.has(token)) continue;
    if (beforeNextKey && token === SyntaxKind.ColonToken) found.push(beforeNextKey);
    beforeNextKey = undefined;
    if (candidate) {
      // A string key must be closed: an unclosed one ends at its line break, which a lent colon would take.
      const wide = candidate.bare ? candidate.end - candidate.start >= 2 : candidate.end - candidate.start >= 2 && text[candidate.end - 1] === '"';
      if (token === SyntaxKind.ColonToken && candidate.bare && wide) found.push({ ...candidate, colonless: false });
      else if (token === SyntaxKind.StringLiteral && wide && blanksOnly(text, candidate.end, scanner.getTokenOffset()) >= 3)
        beforeNextKey = { ...candidate, colonless: true };
    }
    candidate = undefined;
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) containers.push(token);
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) containers.pop();
    else if (
      (token === SyntaxKind.Unknown || token === SyntaxKind.StringLiteral) &&
      containers[containers.length - 1] === SyntaxKind.OpenBraceToken &&
      (previous === SyntaxKind.OpenBraceToken || previous === SyntaxKind.CommaToken)
    ) {
      const start = scanner.getTokenOffset();
      candidate = { start, end: start + scanner.getTokenLength(), bare: token === SyntaxKind.Unknown };
    }
    previous = token;
  }
  return found;
}

/** How many characters text[from, to) has, when they are all blanks (0 otherwise: a comment is kept). */
function blanksOnly(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return 0;
  }
  return to - from;
}

const TRIVIA = new Set([SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia, SyntaxKind.LineCommentTrivia, SyntaxKind.BlockCommentTrivia]);

/**
 * One reading. repaired: the text as the visitor reads it, with each bare key (by its start) written as
 * a quoted string, whose name the tree takes from the text, and the lent colons, values and commas (by
 * offset) left out of the tree. slips: set when the reading meets a key the repairs are for.
 */
function readJsonc(
  text: string,
  repaired: { source: string; bare: ReadonlySet<number>; lent: ReadonlySet<number> } | undefined,
  slips: { found: boolean },
): ParsedText {
  const problems: SyntaxProblem[] = [];
  const stack: Frame[] = [];
  let root: ValueNode | undefined;
  // Containers deeper than MAX_NESTING_DEPTH are read past, not built: their count, and where the first began.
  let skipped = 0;
  let tooDeepAt: number | undefined;

  const attach = (value: ValueNode): void => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      if (!root) root = value;
      return;
    }
    if (frame.node.kind === 'array') {
      value.parent = frame.node;
      frame.node.items.push(value);
    } else if (frame.pending) {
      value.parent = frame.pending;
      frame.pending.value = value;
      setEnd(frame.pending, value.end);
      frame.pending = undefined;
    }
  };

  const close = (end: number): void => {
    if (skipped > 0) {
      skipped--;
      return;
    }
    const frame = stack.pop();
    if (!frame) return;
    setEnd(frame.node, end);
    attach(frame.node.kind === 'object' ? foldIntrinsic(frame.node) : frame.node);
  };

  const open = (node: ObjectNode | ArrayNode): void => {
    if (skipped > 0 || stack.length >= MAX_NESTING_DEPTH) {
      skipped++;
      tooDeepAt ??= node.start;
      return;
    }
    stack.push({ node, pending: undefined });
  };

  // A word where a value belongs (profile:GetDomain typed without its quotes) reads as an unquoted string
  // with one problem, not as the scanner's pieces of it: completion then replaces the word, hover and the
  // rules see what was meant. The scanner's callbacks inside the word are passed over.
  let wordEnd = -1;
  /** The object whose next key the scanner is at, if it is at one. */
  const awaitingKey = (): { frame: Frame; object: ObjectNode } | undefined => {
    const frame = stack[stack.length - 1];
    return frame?.node.kind === 'object' && frame.pending === undefined ? { frame, object: frame.node } : undefined;
  };
  const awaitsValue = (): boolean => {
    const frame = stack[stack.length - 1];
    return frame !== undefined && (frame.node.kind === 'array' || (frame.pending?.colon !== undefined && frame.pending.value === undefined));
  };

  // A byte-order mark is not JSON; blank it out so offsets still line up with the text.
  const read = repaired?.source ?? text;
  const source = read.charCodeAt(0) === 0xfeff ? ` ${read.slice(1)}` : read;
  const quoteProblem = (start: number, end: number): SyntaxProblem => ({
    code: 'syntax-error',
    start,
    end,
    message: 'A property name in JSON is written in double quotes.',
    repair: 'quote',
  });
  let overflow = false;
  try {
    visit(
      source,
      {
        onObjectBegin: (offset) => open({ kind: 'object', style: 'flow', properties: [], start: offset, end: offset + 1, parent: undefined }),
        onObjectEnd: (offset, length) => close(offset + length),
        onArrayBegin: (offset) => open({ kind: 'array', style: 'flow', items: [], start: offset, end: offset + 1, parent: undefined }),
        onArrayEnd: (offset, length) => close(offset + length),
        onObjectProperty: (name, offset, length) => {
          const frame = stack[stack.length - 1];
          if (skipped > 0 || offset < wordEnd || !frame || frame.node.kind !== 'object') return;
          const bare = repaired?.bare.has(offset) === true;
          if (bare) problems.push(quoteProblem(offset, offset + length));
          const key = bare
            ? newString(text.slice(offset, offset + length), offset, offset + length, undefined, text)
            : newString(name, offset, offset + length, text[offset] === '"' ? '"' : undefined, text);
          const property: PropertyNode = { kind: 'property', key, value: undefined, start: offset, end: offset + length, parent: frame.node };
          key.parent = property;
          addProperty(frame.node, property, problems);
          frame.pending = property;
        },
        onSeparator: (character, offset) => {
          const frame = stack[stack.length - 1];
          if (skipped > 0 || offset < wordEnd) return;
          if (repaired?.lent.has(offset)) {
            // The lent colon: the key has none in the text, which its problem says (a bare key has one already).
            const key = character === ':' ? frame?.pending?.key : undefined;
            if (key?.quote)
              problems.push({ code: 'syntax-error', start: key.start, end: key.end, message: describeJsonError(ParseErrorCode.ColonExpected, text, key.end) });
            return;
          }
          if (character === ':' && frame?.pending) frame.pending.colon = offset + 1;
          else if (character === ',' && frame) (frame.node.commas ??= []).push(offset);
        },
        onLiteralValue: (value: unknown, offset, length) => {
          if (skipped > 0 || offset < wordEnd || repaired?.lent.has(offset)) return;
          const end = offset + length;
          if (typeof value === 'string') attach(newString(value, offset, end, text[offset] === '"' ? '"' : undefined, text));
          else if (typeof value === 'number') attach({ kind: 'number', value, raw: text.slice(offset, end), start: offset, end, parent: undefined });
          else if (typeof value === 'boolean') attach({ kind: 'boolean', value, start: offset, end, parent: undefined });
          else attach({ kind: 'null', start: offset, end, parent: undefined });
        },
        onError: (error, offset, length) => {
          if (error === ParseErrorCode.ColonExpected) slips.found = true;
          // Right after a word the scanner may still miss the value or the name it was.
          const missed = error === ParseErrorCode.ValueExpected || error === ParseErrorCode.PropertyNameExpected;
          if (skipped > 0 || offset < wordEnd || (offset === wordEnd && missed)) return;
          if (error === ParseErrorCode.InvalidSymbol && awaitsValue()) {
            wordEnd = endOfWord(source, offset, false);
            attach(newString(text.slice(offset, wordEnd), offset, wordEnd, undefined, text));
            problems.push({ code: 'syntax-error', start: offset, end: wordEnd, message: 'A string in JSON is written in double quotes.', repair: 'quote' });
            return;
          }
          const keyed = error === ParseErrorCode.InvalidSymbol ? awaitingKey() : undefined;
          if (keyed) {
            // `Cond` typed as a key: a property with that name and no value yet, so completion replaces it.
            wordEnd = endOfWord(source, offset, true);
            const key = newString(text.slice(offset, wordEnd), offset, wordEnd, undefined, text);
            const property: PropertyNode = { kind: 'property', key, value: undefined, start: offset, end: wordEnd, parent: keyed.object };
            key.parent = property;
            addProperty(keyed.object, property, problems);
            keyed.frame.pending = property;
            problems.push(quoteProblem(offset, wordEnd));
            slips.found = true;
            return;
          }
          const comma = trailingComma(error, text, offset);
          if (comma !== undefined) {
            // The scanner reports it twice, at the bracket that follows (a property name and a value expected).
            if (problems[problems.length - 1]?.start !== comma) {
              const message = `Trailing comma: JSON does not allow a comma before "${text[offset]}".`;
              problems.push({ code: 'syntax-error', start: comma, end: comma + 1, message, repair: 'remove' });
            }
            return;
          }
          problems.push({ code: 'syntax-error', start: offset, end: offset + Math.max(length, 1), message: describeJsonError(error, text, offset) });
        },
      },
      { disallowComments: false, allowTrailingComma: false, allowEmptyContent: true },
    );
  } catch (error) {
    // jsonc-parser reads containers by recursion: far past MAX_NESTING_DEPTH the stack runs out.
    if (!(error instanceof RangeError)) throw error;
    overflow = true;
  }
  if (tooDeepAt !== undefined || overflow) {
    const at = tooDeepAt ?? 0;
    return { roots: [], problems: [{ code: 'nesting-too-deep', start: at, end: Math.min(text.length, at + 1), message: MAX_NESTING_MESSAGE }] };
  }
  // An unclosed container at the end of the text still belongs in the tree (the user is typing).
  while (stack.length > 0) close(text.length);
  return { roots: root ? [root] : [], problems };
}

function describeJsonError(code: ParseErrorCode, text: string, offset: number): string {
  switch (code) {
    case ParseErrorCode.InvalidSymbol:
      return `Unexpected character ${JSON.stringify(text[offset] ?? '')}.`;
    case ParseErrorCode.InvalidNumberFormat:
      return 'Invalid number.';
    case ParseErrorCode.PropertyNameExpected:
      return 'Expected a property name in double quotes.';
    case ParseErrorCode.ValueExpected:
      return 'Expected a value.';
    case ParseErrorCode.ColonExpected:
      return 'Expected ":" after the property name.';
    case ParseErrorCode.CommaExpected:
      return 'Expected "," between values.';
    case ParseErrorCode.CloseBraceExpected:
      return 'Expected "}" to close the object.';
    case ParseErrorCode.CloseBracketExpected:
      return 'Expected "]" to close the array.';
    case ParseErrorCode.EndOfFileExpected:
      return 'Unexpected content after the end of the document.';
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return 'Unterminated comment.';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'Unterminated string.';
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'Unterminated number.';
    case ParseErrorCode.InvalidUnicode:
      return 'Invalid unicode escape.';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'Invalid escape character in string.';
    case ParseErrorCode.InvalidCharacter:
      return 'Invalid control character in string.';
    default:
      return 'Invalid JSON.';
  }
}

/** Where a word that is not JSON ends: at a blank, a quote, or what separates or closes values (and a key's colon). */
function endOfWord(text: string, start: number, key: boolean): number {
  const stops = key ? ' \t\r\n,[]{}":' : ' \t\r\n,[]{}"';
  let end = start;
  while (end < text.length && !stops.includes(text[end]!)) {
    end++;
  }
  return end;
}

/** Where a comma stands right before a closing bracket the scanner stopped at, if one does. */
function trailingComma(code: ParseErrorCode, text: string, offset: number): number | undefined {
  if (code !== ParseErrorCode.PropertyNameExpected && code !== ParseErrorCode.ValueExpected) return undefined;
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  const before = previousSignificant(text, offset);
  return before !== undefined && text[before] === ',' ? before : undefined;
}

/** The offset of the last non-blank character before offset (comments are rare enough here to ignore). */
function previousSignificant(text: string, offset: number): number | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return i;
  }
  return undefined;
}

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
 * Any text, comments and errors included: the visitor's tokens, with its recovery. Keys written without
 * quotes (`{Effect: "Allow", Action: …}`, as in JavaScript) make the visitor skip each whole entry, and
 * every later one cascades into errors: when the first reading finds such keys, the text is read again
 * with each of them masked as a quoted string of the same length, so offsets stay those of the text.
 */
export function parseJsonc(text: string): ParsedText {
  const bareKeys: BareKey[] = [];
  const first = readJsonc(text, undefined, bareKeys);
  if (bareKeys.length === 0) return first;
  // The visitor skipped the rest of each entry it found, and with it any bare key inside: find them all.
  const masked = findBareKeys(text).filter((key) => key.end - key.start >= 2);
  if (masked.length === 0) return first;
  let source = '';
  let from = 0;
  for (const key of masked) {
    source += `${text.slice(from, key.start)}"${' '.repeat(key.end - key.start - 2)}"`;
    from = key.end;
  }
  source += text.slice(from);
  return readJsonc(text, { source, keys: new Set(masked.map((key) => key.start)) }, []);
}

/**
 * Every word in a key's place of an object (after its `{` or a comma, before a colon), by jsonc-parser's
 * scanner, which knows strings and comments. In a list, `[…, profile:GetDomain]` is a value.
 */
function findBareKeys(text: string): BareKey[] {
  const scanner = createScanner(text, false);
  const found: BareKey[] = [];
  const containers: SyntaxKind[] = [];
  let previous = SyntaxKind.EOF;
  let candidate: BareKey | undefined;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (TRIVIA.has(token)) continue;
    if (candidate && token === SyntaxKind.ColonToken) found.push(candidate);
    candidate = undefined;
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) containers.push(token);
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) containers.pop();
    else if (
      token === SyntaxKind.Unknown &&
      containers[containers.length - 1] === SyntaxKind.OpenBraceToken &&
      (previous === SyntaxKind.OpenBraceToken || previous === SyntaxKind.CommaToken)
    ) {
      const start = scanner.getTokenOffset();
      candidate = { start, end: start + scanner.getTokenLength() };
    }
    previous = token;
  }
  return found;
}

const TRIVIA = new Set([SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia, SyntaxKind.LineCommentTrivia, SyntaxKind.BlockCommentTrivia]);

/** A key written without quotes and followed by its colon: where its word starts and ends. */
interface BareKey {
  readonly start: number;
  readonly end: number;
}

/**
 * One reading. masked: the text as the visitor reads it, where each bare key (by its start) is written
 * as a quoted string; the tree takes their names from the text. bareKeys: those found unmasked.
 */
function readJsonc(text: string, masked: { source: string; keys: ReadonlySet<number> } | undefined, bareKeys: BareKey[]): ParsedText {
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
  const read = masked?.source ?? text;
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
          const bare = masked?.keys.has(offset) === true;
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
          if (character === ':' && frame?.pending) frame.pending.colon = offset + 1;
          else if (character === ',' && frame) (frame.node.commas ??= []).push(offset);
        },
        onLiteralValue: (value: unknown, offset, length) => {
          if (skipped > 0 || offset < wordEnd) return;
          const end = offset + length;
          if (typeof value === 'string') attach(newString(value, offset, end, text[offset] === '"' ? '"' : undefined, text));
          else if (typeof value === 'number') attach({ kind: 'number', value, raw: text.slice(offset, end), start: offset, end, parent: undefined });
          else if (typeof value === 'boolean') attach({ kind: 'boolean', value, start: offset, end, parent: undefined });
          else attach({ kind: 'null', start: offset, end, parent: undefined });
        },
        onError: (error, offset, length) => {
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
            if (source[nextSignificant(source, wordEnd)] === ':') bareKeys.push({ start: offset, end: wordEnd });
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

/** The offset of the first non-blank character at or after offset (the text's length when there is none). */
function nextSignificant(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/** The offset of the last non-blank character before offset (comments are rare enough here to ignore). */
function previousSignificant(text: string, offset: number): number | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return i;
  }
  return undefined;
}

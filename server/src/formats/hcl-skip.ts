// Character-level scans the parser needs ahead of its tokens: does a line start a top-level block,
// and where does a construct nested too deeply to parse end (found without recursion).
import { identifierEnd, isIdentifierStart, lineEnd, nextLineStart } from './hcl-lexer';

/** The blocks of a Terraform file's top level: one of these at column 0 ends whatever is still open. */
const TOP_LEVEL_BLOCKS = new Set([
  'resource',
  'data',
  'locals',
  'variable',
  'output',
  'module',
  'provider',
  'terraform',
  'moved',
  'import',
  'removed',
  'check',
  'ephemeral',
]);

/** Does the line at `at` (a line start) open a top-level block: `resource "x" "y" {`, `locals {`? */
export function isTopLevelHeaderAt(text: string, at: number): boolean {
  if (!isIdentifierStart(text.charCodeAt(at))) return false;
  let end = identifierEnd(text, at);
  if (!TOP_LEVEL_BLOCKS.has(text.slice(at, end))) return false;
  for (;;) {
    while (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9) end++;
    const c = text.charCodeAt(end);
    if (c === 123 /* { */) return true;
    if (c === 34 /* " */) {
      end++;
      while (end < text.length && text.charCodeAt(end) !== 34) {
        const d = text.charCodeAt(end);
        if (d === 10 || d === 13) return false;
        end += d === 92 /* \ */ ? 2 : 1;
      }
      if (end >= text.length) return false;
      end++;
    } else if (isIdentifierStart(c)) end = identifierEnd(text, end);
    else return false;
  }
}

const CLOSER: Readonly<Record<number, number>> = { 123: 125, 91: 93, 40: 41 };

/**
 * The end of the construct that starts at `start` (a bracket, a quoted string or a heredoc; any other
 * token ends at tokenEnd), read without recursion: brackets, strings, `${…}` inside them, comments and
 * heredocs are followed with an explicit stack.
 */
export function skipNested(text: string, start: number, tokenEnd: number): number {
  const first = text.charCodeAt(start);
  if (first === 60 /* < */ && text.charCodeAt(start + 1) === 60) return skipHeredoc(text, start);
  if (CLOSER[first] === undefined && first !== 34) return tokenEnd;
  /** Closers awaited, innermost last; 34 stands for a quoted string's end. */
  const stack: number[] = [];
  let at = start;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    const top = stack[stack.length - 1];
    if (top === 34) {
      if (c === 34 || c === 10 || c === 13) {
        stack.pop();
        at += c === 34 ? 1 : 0;
      } else if (c === 92) at += 2;
      else if ((c === 36 || c === 37) && text.charCodeAt(at + 1) === c && text.charCodeAt(at + 2) === 123) at += 3;
      else if ((c === 36 || c === 37) && text.charCodeAt(at + 1) === 123) {
        stack.push(125);
        at += 2;
      } else at++;
    } else if (c === 34) {
      stack.push(34);
      at++;
    } else if (CLOSER[c] !== undefined) {
      stack.push(CLOSER[c]!);
      at++;
    } else if (c === 125 || c === 93 || c === 41) {
      stack.pop();
      at++;
    } else if (c === 35 || (c === 47 && text.charCodeAt(at + 1) === 47)) at = lineEnd(text, at);
    else if (c === 47 && text.charCodeAt(at + 1) === 42) {
      const close = text.indexOf('*/', at + 2);
      at = close < 0 ? text.length : close + 2;
    } else if (c === 60 && text.charCodeAt(at + 1) === 60) at = skipHeredoc(text, at);
    else at++;
    if (stack.length === 0) return at;
  }
  return text.length;
}

/** The end of a heredoc starting at `start` (`<<EOF`): after its closing marker, or the text's end. */
function skipHeredoc(text: string, start: number): number {
  let nameStart = start + 2;
  if (text.charCodeAt(nameStart) === 45 /* - */) nameStart++;
  if (!isIdentifierStart(text.charCodeAt(nameStart))) return nameStart;
  const nameEnd = identifierEnd(text, nameStart);
  const marker = text.slice(nameStart, nameEnd);
  for (let line = nextLineStart(text, nameEnd); line < text.length; line = nextLineStart(text, line)) {
    const end = lineEnd(text, line);
    if (text.slice(line, end).trim() === marker) return end;
  }
  return text.length;
}

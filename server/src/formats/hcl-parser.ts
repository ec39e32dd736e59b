// A fault-tolerant recursive-descent parser for HCL's native syntax as Terraform writes it: bodies of
// attributes and blocks, and every expression (templates, heredocs, collections, calls, references,
// `for`, conditionals, operators). It reads half-typed text into a tree all the same: a missing value
// is a zero-width node, stray tokens become error nodes and the parser finds its feet at the next line
// or `}`, and a line that starts a top-level block at column 0 (`resource "x" "y" {`) ends whatever
// was left open, so one unfinished block never swallows the rest of the file. Linear in the text.
import { MAX_NESTING_DEPTH, MAX_NESTING_MESSAGE, type SyntaxProblem } from '../model/problems';
import type {
  HclAttribute,
  HclBlock,
  HclBody,
  HclBodyItem,
  HclDirective,
  HclError,
  HclExpression,
  HclFor,
  HclHeredoc,
  HclIdentifier,
  HclInterpolation,
  HclLabel,
  HclMissing,
  HclObject,
  HclObjectItem,
  HclTemplate,
  HclTemplatePart,
  HclTuple,
} from './hcl-ast';
import { Lexer, TOKEN, lineEnd, type TokenKind } from './hcl-lexer';
import { isTopLevelHeaderAt, skipNested } from './hcl-skip';
import { LiteralBuilder, addHeredocText, commonIndent, readEscape, type HeredocSegment } from './hcl-template';
import { keepShape } from '../iam/shapes';

export interface HclFile {
  readonly body: HclBody;
  readonly problems: SyntaxProblem[];
}

export function parseHcl(text: string): HclFile {
  const problems: SyntaxProblem[] = [];
  const body = new Parser(text, problems).file();
  // Inner constructs report an unclosed bracket before the outer ones: in text order for the reader.
  problems.sort((a, b) => a.start - b.start);
  return { body, problems };
}

/**
 * One expression read from start, as the whole text's reading reads it there (an expression from its
 * first token does not depend on what came before): undefined unless it ends exactly at end. For an
 * edit inside one policy (splice.ts). Nothing bounds the reading at end: an edit that leaves a bracket
 * open reads on past it, as the whole text's reading would, and is declined.
 */
export function parseHclExpressionAt(text: string, start: number, end: number): { expression: HclExpression; problems: SyntaxProblem[] } | undefined {
  const problems: SyntaxProblem[] = [];
  const expression = new Parser(text, problems, start).expressionHere();
  if (expression.start !== start || expression.end !== end) return undefined;
  return { expression, problems };
}

/** A block's `{ … }` read from open, as a block of this type with no labels: undefined unless its `}` ends exactly at end. */
export function parseHclBlockBodyAt(text: string, type: string, open: number, end: number): { block: HclBlock; problems: SyntaxProblem[] } | undefined {
  const problems: SyntaxProblem[] = [];
  const block = new Parser(text, problems, open).blockBodyHere({ start: open, end: open, name: type });
  if (block.open !== open || block.close !== end - 1) return undefined;
  return { block, problems };
}

/** Binary operators by precedence, loosest first (HCL's table). */
const PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

const CHAR_QUOTE = 34;
const CHAR_DOLLAR = 36;
const CHAR_PERCENT = 37;
const CHAR_BACKSLASH = 92;
const CHAR_OPEN_BRACE = 123;
const CHAR_TILDE = 126;
const CHAR_LINE_FEED = 10;
const CHAR_CARRIAGE_RETURN = 13;

class Parser {
  private readonly lexer: Lexer;
  /** Inside `( )`, `[ ]` and `${ }` line breaks are blanks; in bodies and objects they separate items. */
  private newlinesMatter = true;
  private depth = 0;
  /** Only the first place too deep is reported: what follows it is skipped the same way. */
  private tooDeepReported = false;
  /** Set by templateSequence(): where the template's text goes on after the sequence. */
  private resume = 0;
  /** Set by list(): a call's last argument ended with `...`. */
  private expandFinal = false;

  /** start: where reading begins, for a part of the text read on its own. */
  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
    start = 0,
  ) {
    this.lexer = new Lexer(text, problems);
    if (start > 0) this.lexer.pos = start;
    this.lexer.next();
  }

  file(): HclBody {
    return this.body(false);
  }

  expressionHere(): HclExpression {
    return this.expression();
  }

  blockBodyHere(type: HclIdentifier): HclBlock {
    return this.blockBody(type, []);
  }

  // ── tokens ──────────────────────────────────────────────────────────────────────────────────────

  /** The current token, past line breaks where they do not matter. */
  private peek(): TokenKind {
    while (this.lexer.kind === TOKEN.newline && !this.newlinesMatter) this.lexer.next();
    return this.lexer.kind;
  }

  private advance(): void {
    this.lexer.next();
  }

  /** Is the current token the one-character operator with this character code? */
  private isOperatorChar(code: number): boolean {
    return this.peek() === TOKEN.operator && this.lexer.end - this.lexer.start === 1 && this.text.charCodeAt(this.lexer.start) === code;
  }

  private isKeyword(name: string): boolean {
    return this.peek() === TOKEN.identifier && this.lexer.end - this.lexer.start === name.length && this.lexer.tokenText() === name;
  }

  private identifier(): HclIdentifier {
    const { start, end } = this.lexer;
    this.advance();
    return { start, end, name: this.text.slice(start, end) };
  }

  private problem(start: number, end: number, message: string): void {
    // At least one character wide, as the JSON reader's are (at the end of the text, one past it).
    this.problems.push({ code: 'syntax-error', start, end: Math.max(end, start + 1), message });
  }

  /** Sets whether line breaks separate items from here on; returns the previous rule, to restore. */
  private newlines(matter: boolean): boolean {
    const saved = this.newlinesMatter;
    this.newlinesMatter = matter;
    return saved;
  }

  /** A line at column 0 that starts a top-level block: whatever is still open ends before it. */
  private atTopLevelHeader(): boolean {
    return this.peek() === TOKEN.identifier && this.lexer.atLineStart() && isTopLevelHeaderAt(this.text, this.lexer.start);
  }

  // ── bodies ──────────────────────────────────────────────────────────────────────────────────────

  private body(nested: boolean): HclBody {
    const items: HclBodyItem[] = [];
    const names = new Set<string>();
    const start = this.lexer.start;
    this.newlinesMatter = true;
    for (;;) {
      const kind = this.peek();
      if (kind === TOKEN.newline) {
        this.advance();
        continue;
      }
      if (kind === TOKEN.end) break;
      if (kind === TOKEN.closeBrace) {
        if (nested) break;
        this.problem(this.lexer.start, this.lexer.end, 'Unexpected "}": no block is open here.');
        items.push(this.errorToken());
        continue;
      }
      if (nested && this.atTopLevelHeader()) break;
      const item = this.bodyItem();
      items.push(item);
      if (item.kind === 'attribute' && item.equals !== undefined) this.once(names, item.name);
    }
    const end = items.length > 0 ? Math.max(items[items.length - 1]!.end, start) : start;
    return { kind: 'body', start, end: nested ? this.lexer.start : end, items };
  }

  /** An argument may be set once in a body: Terraform rejects the second. */
  private once(names: Set<string>, name: HclIdentifier): void {
    if (!names.has(name.name)) return void names.add(name.name);
    this.problems.push({
      code: 'duplicate-key',
      start: name.start,
      end: name.end,
      message: `Duplicate argument "${name.name}": Terraform takes each argument once in a block.`,
    });
  }

  private bodyItem(): HclBodyItem {
    if (this.peek() !== TOKEN.identifier) {
      const start = this.lexer.start;
      this.problem(start, this.lexer.end, 'Expected an argument name or a block here.');
      return this.skipLine(start);
    }
    if (this.depth >= MAX_NESTING_DEPTH) return this.tooDeep();
    const name = this.identifier();
    const kind = this.peek();
    if (kind === TOKEN.equals) return this.attribute(name);
    if (kind === TOKEN.quote || kind === TOKEN.identifier || kind === TOKEN.openBrace) return this.block(name);
    if (kind === TOKEN.newline || kind === TOKEN.end || kind === TOKEN.closeBrace) {
      // A name typed on its own line: an argument (or block) still being written.
      this.problem(name.start, name.end, `Expected "=" after "${name.name}", or a block.`);
      const value: HclMissing = { kind: 'missing', start: name.end, end: name.end };
      return { kind: 'attribute', start: name.start, end: name.end, name, equals: undefined, value };
    }
    this.problem(this.lexer.start, this.lexer.end, `Expected "=" after "${name.name}", or a block.`);
    const error = this.skipLine(name.start);
    return { kind: 'attribute', start: name.start, end: error.end, name, equals: undefined, value: { kind: 'missing', start: name.end, end: name.end } };
  }

  private attribute(name: HclIdentifier): HclAttribute {
    const equals = this.lexer.start;
    this.advance();
    const kind = this.peek();
    let value: HclExpression;
    if (kind === TOKEN.newline || kind === TOKEN.end || kind === TOKEN.closeBrace) {
      this.problem(equals, equals + 1, `Expected a value for "${name.name}".`);
      value = { kind: 'missing', start: this.lexer.start, end: this.lexer.start };
    } else value = this.expression();
    this.endOfItem();
    return { kind: 'attribute', start: name.start, end: Math.max(value.end, equals + 1), name, equals, value };
  }

  /** After an argument or block: its line must end. Anything else on it is reported and skipped. */
  private endOfItem(): void {
    const kind = this.peek();
    if (kind === TOKEN.newline || kind === TOKEN.end || kind === TOKEN.closeBrace || this.atTopLevelHeader()) return;
    const start = this.lexer.start;
    this.problem(start, this.lexer.end, 'Expected a line break: each argument and block goes on a line of its own.');
    this.skipLine(start);
  }

  private block(type: HclIdentifier): HclBlock {
    const labels: HclLabel[] = [];
    for (;;) {
      const kind = this.peek();
      if (kind === TOKEN.identifier) {
        const label = this.identifier();
        labels.push({ start: label.start, end: label.end, value: label.name, quoted: false });
      } else if (kind === TOKEN.quote) {
        const template = this.quotedTemplate();
        if (template.parts.some((p) => p.kind !== 'literal'))
          this.problem(template.start, template.end, 'A block label is a plain string: it cannot hold "${" or "%{".');
        const value = template.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join('');
        labels.push({ start: template.start, end: template.end, value, quoted: true });
      } else break;
    }
    return this.blockBody(type, labels);
  }

  /** A block from its `{`, after its type and labels. */
  private blockBody(type: HclIdentifier, labels: HclLabel[]): HclBlock {
    if (this.peek() !== TOKEN.openBrace) {
      const at = this.lexer.start;
      this.problem(at, this.lexer.end, `Expected "{" to open the "${type.name}" block.`);
      const end = labels.length > 0 ? labels[labels.length - 1]!.end : type.end;
      const error = this.skipLine(at);
      return { kind: 'block', start: type.start, end: Math.max(end, error.end), type, labels, open: undefined, close: undefined, body: emptyBody(end) };
    }
    const open = this.lexer.start;
    this.advance();
    this.depth++;
    const body = this.body(true);
    this.depth--;
    let close: number | undefined;
    let end: number;
    if (this.peek() === TOKEN.closeBrace) {
      close = this.lexer.start;
      end = this.lexer.end;
      this.advance();
      this.endOfItem();
    } else {
      this.problem(open, open + 1, `Expected "}" to close the "${type.name}" block.`);
      end = Math.max(body.end, open + 1);
    }
    return { kind: 'block', start: type.start, end, type, labels, open, close, body };
  }

  // ── recovery ────────────────────────────────────────────────────────────────────────────────────

  private errorToken(): HclError {
    const { start, end } = this.lexer;
    this.advance();
    return { kind: 'error', start, end };
  }

  /**
   * Skips to the end of the line, keeping brackets balanced (a stray `x = {` skips its whole object),
   * and stops before a `}` that closes the enclosing block or a top-level block at column 0.
   */
  private skipLine(start: number): HclError {
    let end = start;
    let open = 0;
    const saved = this.newlinesMatter;
    this.newlinesMatter = true;
    for (;;) {
      const kind = this.peek();
      if (kind === TOKEN.end) break;
      if (kind === TOKEN.newline && open === 0) break;
      if (kind === TOKEN.closeBrace && open === 0) break;
      if (this.lexer.atLineStart() && this.atTopLevelHeader()) break;
      if (kind === TOKEN.quote) {
        end = this.quotedTemplate().end;
        this.newlinesMatter = true;
        continue;
      }
      if (kind === TOKEN.heredoc) {
        end = this.heredoc().end;
        continue;
      }
      if (kind === TOKEN.openBrace || kind === TOKEN.openBracket || kind === TOKEN.openParen) open++;
      else if ((kind === TOKEN.closeBrace || kind === TOKEN.closeBracket || kind === TOKEN.closeParen) && open > 0) open--;
      end = this.lexer.end;
      this.advance();
    }
    this.newlinesMatter = saved;
    return { kind: 'error', start, end: Math.max(end, start) };
  }

  /** Deeper than MAX_NESTING_DEPTH: reported where it is hit, and the construct skipped without recursion. */
  private tooDeep(): HclError {
    const start = this.lexer.start;
    if (!this.tooDeepReported)
      this.problems.push({ code: 'nesting-too-deep', start, end: Math.min(this.text.length, start + 1), message: MAX_NESTING_MESSAGE });
    this.tooDeepReported = true;
    const end = skipNested(this.text, start, this.lexer.end);
    this.lexer.pos = end;
    this.advance();
    return { kind: 'error', start, end };
  }

  // ── expressions ─────────────────────────────────────────────────────────────────────────────────

  private expression(): HclExpression {
    if (this.depth >= MAX_NESTING_DEPTH) return this.tooDeep();
    this.depth++;
    const condition = this.binary(1);
    let result = condition;
    if (this.peek() === TOKEN.question) {
      this.advance();
      const whenTrue = this.expression();
      let whenFalse: HclExpression;
      if (this.peek() === TOKEN.colon) {
        this.advance();
        whenFalse = this.expression();
      } else {
        this.problem(this.lexer.start, this.lexer.end, 'Expected ":" and the value when the condition is false.');
        whenFalse = this.missing();
      }
      result = { kind: 'conditional', start: condition.start, end: Math.max(whenFalse.end, whenTrue.end), condition, whenTrue, whenFalse };
    }
    this.depth--;
    return result;
  }

  /** Precedence climbing: operators at least as tight as `level`, left-associative, in a loop. */
  private binary(level: number): HclExpression {
    let left = this.unary();
    for (;;) {
      if (this.peek() !== TOKEN.operator) return left;
      const operator = this.lexer.tokenText();
      const precedence = PRECEDENCE[operator];
      if (precedence === undefined || precedence < level) return left;
      this.advance();
      const right = this.binary(precedence + 1);
      left = { kind: 'binary', start: left.start, end: right.end, operator, left, right };
    }
  }

  /** `-x`, `!x`, any number of them, read in a loop. */
  private unary(): HclExpression {
    const operators: Array<{ start: number; operator: '-' | '!' }> = [];
    while (this.isOperatorChar(45 /* - */) || this.isOperatorChar(33 /* ! */)) {
      operators.push({ start: this.lexer.start, operator: this.text[this.lexer.start] as '-' | '!' });
      this.advance();
    }
    let operand = this.postfix(this.primary());
    for (let i = operators.length - 1; i >= 0; i--) {
      const { start, operator } = operators[i]!;
      operand = { kind: 'unary', start, end: operand.end, operator, operand };
    }
    return operand;
  }

  /** Attribute access, indexes and splats after a term: `a.b[0].*.c`. */
  private postfix(term: HclExpression): HclExpression {
    let target = term;
    for (;;) {
      const kind = this.peek();
      if (kind === TOKEN.dot) {
        const dot = this.lexer.start;
        this.advance();
        const next = this.lexer.kind;
        if (next === TOKEN.identifier) {
          const name = this.identifier();
          target = { kind: 'get-attr', start: target.start, end: name.end, target, name };
        } else if (next === TOKEN.number) {
          const { start, end } = this.lexer;
          this.advance();
          target = { kind: 'index', start: target.start, end, target, key: { kind: 'number', start, end, raw: this.text.slice(start, end) }, closed: true };
        } else if (this.isOperatorChar(42 /* * */)) {
          const end = this.lexer.end;
          this.advance();
          target = { kind: 'splat', start: target.start, end, target, full: false };
        } else {
          this.problem(dot, dot + 1, 'Expected an attribute name after ".".');
          return { kind: 'get-attr', start: target.start, end: dot + 1, target, name: { start: dot + 1, end: dot + 1, name: '' } };
        }
      } else if (kind === TOKEN.openBracket) {
        target = this.indexOrSplat(target);
      } else return target;
    }
  }

  private indexOrSplat(target: HclExpression): HclExpression {
    const open = this.lexer.start;
    const saved = this.newlines(false);
    this.advance();
    let result: HclExpression | undefined;
    if (this.isOperatorChar(42 /* * */)) {
      const star = this.lexer.start;
      this.advance();
      if (this.peek() === TOKEN.closeBracket) {
        result = { kind: 'splat', start: target.start, end: this.lexer.end, target, full: true };
        this.advance();
      } else {
        this.problem(star, star + 1, 'Expected "]" after "[*".');
        result = { kind: 'splat', start: target.start, end: star + 1, target, full: true };
      }
    } else {
      const key = this.expression();
      if (this.peek() === TOKEN.closeBracket) {
        result = { kind: 'index', start: target.start, end: this.lexer.end, target, key, closed: true };
        this.advance();
      } else {
        this.problem(open, open + 1, 'Expected "]" to close the index.');
        result = { kind: 'index', start: target.start, end: Math.max(key.end, open + 1), target, key, closed: false };
      }
    }
    this.newlinesMatter = saved;
    return result;
  }

  private primary(): HclExpression {
    const { start, end } = this.lexer;
    switch (this.peek()) {
      case TOKEN.number:
        this.advance();
        return { kind: 'number', start, end, raw: this.text.slice(start, end) };
      case TOKEN.identifier:
        return this.name();
      case TOKEN.quote:
        return this.quotedTemplate();
      case TOKEN.heredoc:
        return this.heredoc();
      case TOKEN.openBracket:
        return this.tuple();
      case TOKEN.openBrace:
        return this.object();
      case TOKEN.openParen:
        return this.parens();
      case TOKEN.invalid:
        this.problem(start, end, `Unexpected character ${JSON.stringify(this.lexer.tokenText())}.`);
        return this.errorToken();
      default:
        this.problem(start, end, 'Expected a value here.');
        return this.missing();
    }
  }

  private missing(): HclMissing {
    return { kind: 'missing', start: this.lexer.start, end: this.lexer.start };
  }

  /** `true`, `false`, `null`, a function call (`jsonencode(…)`, `provider::aws::arn_parse(…)`) or a reference. */
  private name(): HclExpression {
    const first = this.identifier();
    switch (first.name) {
      case 'true':
      case 'false':
        return { kind: 'bool', start: first.start, end: first.end, value: first.name === 'true' };
      case 'null':
        return { kind: 'null', start: first.start, end: first.end };
    }
    let name = first;
    while (this.peek() === TOKEN.doubleColon) {
      this.advance();
      if (this.peek() !== TOKEN.identifier) break;
      const part = this.identifier();
      name = { start: first.start, end: part.end, name: this.text.slice(first.start, part.end) };
    }
    if (this.peek() === TOKEN.openParen) return this.call(name);
    if (name !== first) this.problem(name.start, name.end, `Expected "(" after the function name "${name.name}".`);
    return { kind: 'variable', start: name.start, end: name.end, name: name.name };
  }

  private call(name: HclIdentifier): HclExpression {
    const open = this.lexer.start;
    const saved = this.newlines(false);
    this.advance();
    const args: HclExpression[] = [];
    const commas: number[] = [];
    const closed = this.list(TOKEN.closeParen, `the arguments of "${name.name}"`, open, args, commas, true);
    const expandFinal = this.expandFinal;
    const end = closed ? this.lexer.end : Math.max(open + 1, args.length > 0 ? args[args.length - 1]!.end : open + 1);
    if (closed) this.advance();
    this.newlinesMatter = saved;
    return { kind: 'call', start: name.start, end, name, args, commas, expandFinal, closed };
  }

  /**
   * Items separated by commas up to closer (a trailing comma allowed). Returns whether the closer was
   * found (the current token then); otherwise the list is reported as unclosed.
   */
  private list(closer: TokenKind, what: string, open: number, items: HclExpression[], commas: number[], expandable = false): boolean {
    this.expandFinal = false;
    for (;;) {
      const kind = this.peek();
      if (kind === closer) return true;
      if (kind === TOKEN.end || this.isCloser(kind) || this.atTopLevelHeader()) {
        this.problem(open, open + 1, `Expected "${closerText(closer)}" to close ${what}.`);
        return false;
      }
      if (kind === TOKEN.comma) {
        this.problem(this.lexer.start, this.lexer.end, 'Expected a value before ",".');
        commas.push(this.lexer.start);
        this.advance();
        continue;
      }
      items.push(this.expression());
      if (expandable && this.peek() === TOKEN.ellipsis) {
        this.expandFinal = true;
        this.advance();
      }
      const next = this.peek();
      if (next === TOKEN.comma) {
        commas.push(this.lexer.start);
        this.advance();
      } else if (next !== closer && !this.isCloser(next) && next !== TOKEN.end && !this.atTopLevelHeader()) {
        this.problem(this.lexer.start, this.lexer.end, `Expected "," between the items of ${what}.`);
        // A value that starts here is read as the next item; anything else is skipped.
        if (!startsValue(next)) items.push(this.errorToken());
      }
    }
  }

  private isCloser(kind: TokenKind): boolean {
    return kind === TOKEN.closeBrace || kind === TOKEN.closeBracket || kind === TOKEN.closeParen;
  }

  private tuple(): HclExpression {
    const open = this.lexer.start;
    const saved = this.newlines(false);
    this.advance();
    let result: HclExpression;
    if (this.isKeyword('for')) result = this.forExpression(open, false);
    else {
      const items: HclExpression[] = [];
      const commas: number[] = [];
      const closed = this.list(TOKEN.closeBracket, 'the list', open, items, commas);
      const end = closed ? this.lexer.end : Math.max(open + 1, items.length > 0 ? items[items.length - 1]!.end : open + 1);
      if (closed) this.advance();
      const tuple: HclTuple = { kind: 'tuple', start: open, end, items, commas, closed };
      result = tuple;
    }
    this.newlinesMatter = saved;
    return result;
  }

  private parens(): HclExpression {
    const open = this.lexer.start;
    const saved = this.newlines(false);
    this.advance();
    const expression = this.expression();
    let result: HclExpression;
    if (this.peek() === TOKEN.closeParen) {
      result = { kind: 'parens', start: open, end: this.lexer.end, expression, closed: true };
      this.advance();
    } else {
      this.problem(open, open + 1, 'Expected ")" to close the parentheses.');
      result = { kind: 'parens', start: open, end: Math.max(expression.end, open + 1), expression, closed: false };
    }
    this.newlinesMatter = saved;
    return result;
  }

  private object(): HclExpression {
    const open = this.lexer.start;
    const saved = this.newlines(false);
    this.advance();
    // `{for …}` is a for expression, read like a list; an object's items are separated by commas or line breaks.
    let result: HclExpression;
    if (this.isKeyword('for')) result = this.forExpression(open, true);
    else {
      this.newlinesMatter = true;
      result = this.objectItems(open);
    }
    this.newlinesMatter = saved;
    return result;
  }

  private objectItems(open: number): HclObject {
    {
      const items: HclObjectItem[] = [];
      const commas: number[] = [];
      const newlines: number[] = [];
      for (;;) {
        const kind = this.peek();
        if (kind === TOKEN.newline) {
          newlines.push(this.lexer.start);
          this.advance();
          continue;
        }
        if (kind === TOKEN.closeBrace) {
          const end = this.lexer.end;
          this.advance();
          return objectNode(open, end, items, commas, newlines, true);
        }
        if (kind === TOKEN.end || kind === TOKEN.closeBracket || kind === TOKEN.closeParen || this.atTopLevelHeader()) {
          this.problem(open, open + 1, 'Expected "}" to close the object.');
          const end = Math.max(open + 1, items.length > 0 ? items[items.length - 1]!.end : open + 1);
          return objectNode(open, end, items, commas, newlines, false);
        }
        if (kind === TOKEN.comma) {
          this.problem(this.lexer.start, this.lexer.end, 'Expected an item before ",".');
          commas.push(this.lexer.start);
          this.advance();
          continue;
        }
        items.push(this.objectItem());
        const next = this.peek();
        if (next === TOKEN.comma) {
          commas.push(this.lexer.start);
          this.advance();
        } else if (next !== TOKEN.newline && next !== TOKEN.closeBrace && next !== TOKEN.end && !this.atTopLevelHeader()) {
          const start = this.lexer.start;
          this.problem(start, this.lexer.end, 'Expected a comma or a line break between the items of the object.');
          if (next !== TOKEN.identifier && next !== TOKEN.quote && next !== TOKEN.openParen) this.skipLine(start);
        }
      }
    }
  }

  private objectItem(): HclObjectItem {
    const key = this.expression();
    const kind = this.peek();
    if (kind !== TOKEN.equals && kind !== TOKEN.colon) {
      // A key still being typed: no separator, no value yet.
      if (kind !== TOKEN.newline && kind !== TOKEN.closeBrace) this.problem(this.lexer.start, this.lexer.end, 'Expected "=" after the key.');
      else this.problem(key.start, key.end, 'Expected "=" and a value after the key.');
      return { start: key.start, end: key.end, key, separator: undefined, value: { kind: 'missing', start: key.end, end: key.end } };
    }
    const separator = this.lexer.start;
    this.advance();
    const next = this.peek();
    let value: HclExpression;
    if (next === TOKEN.newline || next === TOKEN.closeBrace || next === TOKEN.comma || next === TOKEN.end) {
      this.problem(separator, separator + 1, 'Expected a value after "=".');
      value = this.missing();
    } else value = this.expression();
    return { start: key.start, end: Math.max(value.end, separator + 1), key, separator, value };
  }

  /** `[for k, v in coll : result if cond]` and `{for k, v in coll : key => value... if cond}`. */
  private forExpression(open: number, object: boolean): HclFor {
    this.advance();
    const first = this.peek() === TOKEN.identifier ? this.identifier() : undefined;
    let second: HclIdentifier | undefined;
    if (this.peek() === TOKEN.comma) {
      this.advance();
      if (this.peek() === TOKEN.identifier) second = this.identifier();
    }
    if (this.isKeyword('in')) this.advance();
    else this.problem(this.lexer.start, this.lexer.end, 'Expected "in" and a collection after the for variables.');
    const collection = this.expression();
    if (this.peek() === TOKEN.colon) this.advance();
    else this.problem(this.lexer.start, this.lexer.end, 'Expected ":" before the result of the for expression.');
    let keyResult: HclExpression | undefined;
    let valueResult = this.expression();
    let grouped = false;
    if (object) {
      keyResult = valueResult;
      if (this.peek() === TOKEN.fatArrow) {
        this.advance();
        valueResult = this.expression();
      } else {
        this.problem(this.lexer.start, this.lexer.end, 'Expected "=>" and the value of each item.');
        valueResult = this.missing();
      }
      if (this.peek() === TOKEN.ellipsis) {
        grouped = true;
        this.advance();
      }
    }
    let condition: HclExpression | undefined;
    if (this.isKeyword('if')) {
      this.advance();
      condition = this.expression();
    }
    const closer = object ? TOKEN.closeBrace : TOKEN.closeBracket;
    const closed = this.peek() === closer;
    let end: number;
    if (closed) {
      end = this.lexer.end;
      this.advance();
    } else {
      this.problem(open, open + 1, `Expected "${closerText(closer)}" to close the for expression.`);
      end = Math.max(open + 1, (condition ?? valueResult).end);
    }
    const [keyVariable, valueVariable] = second ? [first, second] : [undefined, first];
    return { kind: 'for', start: open, end, object, keyVariable, valueVariable, collection, keyResult, valueResult, condition, grouped, closed };
  }

  // ── templates ───────────────────────────────────────────────────────────────────────────────────

  /** A quoted template; the current token is its opening quote. An unclosed one ends at its line's end. */
  private quotedTemplate(): HclTemplate {
    const text = this.text;
    const start = this.lexer.start;
    const plain = this.plainString(start);
    if (plain) return plain;
    const parts: HclTemplatePart[] = [];
    let literal = new LiteralBuilder(text);
    let at = this.lexer.end;
    let closed = false;
    const flush = (end: number) => {
      const part = literal.finish(end);
      if (part) parts.push(part);
      literal = new LiteralBuilder(text);
    };
    for (;;) {
      if (at >= text.length) break;
      const c = text.charCodeAt(at);
      if (c === CHAR_QUOTE) {
        flush(at);
        closed = true;
        at++;
        break;
      }
      if (c === CHAR_LINE_FEED || c === CHAR_CARRIAGE_RETURN) break;
      if (c === CHAR_BACKSLASH) {
        const escape = readEscape(text, at, this.problems);
        literal.decoded(escape.value, at, escape.end);
        at = escape.end;
        continue;
      }
      if ((c === CHAR_DOLLAR || c === CHAR_PERCENT) && text.charCodeAt(at + 1) === CHAR_OPEN_BRACE) {
        flush(at);
        const sequence = this.templateSequence(at);
        parts.push(sequence);
        at = this.resume;
        if (!sequence.closed) {
          // A sequence left open ends the string, at a quote the parser stopped at on the same line, or at the line's end.
          if (this.lexer.kind === TOKEN.quote && this.lexer.start === at) {
            closed = true;
            at = this.lexer.end;
          }
          break;
        }
        continue;
      }
      if ((c === CHAR_DOLLAR || c === CHAR_PERCENT) && text.charCodeAt(at + 1) === c && text.charCodeAt(at + 2) === CHAR_OPEN_BRACE) {
        literal.decoded(c === CHAR_DOLLAR ? '${' : '%{', at, at + 3);
        at += 3;
        continue;
      }
      // A run of plain characters.
      let end = at + 1;
      while (end < text.length) {
        const d = text.charCodeAt(end);
        if (d === CHAR_QUOTE || d === CHAR_BACKSLASH || d === CHAR_DOLLAR || d === CHAR_PERCENT || d === CHAR_LINE_FEED || d === CHAR_CARRIAGE_RETURN) break;
        end++;
      }
      literal.plain(at, end);
      at = end;
    }
    if (!closed) {
      flush(at);
      this.problem(start, start + 1, 'Unterminated string: a quoted string ends on the line it starts (use a heredoc for several lines).');
    }
    this.lexer.pos = at;
    this.advance();
    return { kind: 'template', start, end: at, parts, closed };
  }

  /** The common case, read fast: a string on one line with no escape and no sequence. */
  private plainString(start: number): HclTemplate | undefined {
    const text = this.text;
    let at = start + 1;
    for (;;) {
      if (at >= text.length) return undefined;
      const c = text.charCodeAt(at);
      if (c === CHAR_QUOTE) break;
      if (c === CHAR_BACKSLASH || c === CHAR_DOLLAR || c === CHAR_PERCENT || c === CHAR_LINE_FEED || c === CHAR_CARRIAGE_RETURN) return undefined;
      at++;
    }
    const parts: HclTemplatePart[] = at > start + 1 ? [{ kind: 'literal', start: start + 1, end: at, value: text.slice(start + 1, at), runs: undefined }] : [];
    this.lexer.pos = at + 1;
    this.advance();
    return { kind: 'template', start, end: at + 1, parts, closed: true };
  }

  /**
   * `${ expression }` or `%{ directive }` at `at`. Sets `resume`, where the template's text goes on: after
   * the closing brace; for one left open, where the parser stopped if that is on the same line, else the
   * line's end (an open `${` must not take the lines after it, a heredoc's closing marker among them).
   */
  private templateSequence(at: number): HclInterpolation | HclDirective {
    const isInterpolation = this.text.charCodeAt(at) === CHAR_DOLLAR;
    this.lexer.pos = this.text.charCodeAt(at + 2) === CHAR_TILDE ? at + 3 : at + 2;
    // The sequence is read within its line: one left open never reads the lines after it (a string
    // there would open its own sequence, and so on, each read again: exponential), nor takes a later "}".
    const outerLimit = this.lexer.limit;
    this.lexer.limit = Math.min(outerLimit, lineEnd(this.text, at));
    const saved = this.newlines(false);
    this.advance();
    let keyword = '';
    let expression: HclExpression | undefined;
    if (isInterpolation) expression = this.expression();
    else keyword = this.directiveBody();
    if (this.peek() === TOKEN.tilde) this.advance();
    const closed = this.peek() === TOKEN.closeBrace;
    this.lexer.limit = outerLimit;
    this.newlinesMatter = saved;
    let end: number;
    if (closed) end = this.resume = this.lexer.end;
    else {
      this.problem(at, at + 2, `Expected "}" to close the ${isInterpolation ? 'interpolation' : 'directive'}.`);
      const limit = lineEnd(this.text, at);
      this.resume = this.lexer.start <= limit ? this.lexer.start : limit;
      end = Math.max(at + 2, this.resume);
      if (expression && expression.end > end) expression = { kind: 'error', start: at + 2, end };
    }
    if (expression) return { kind: 'interpolation', start: at, end, expression, closed };
    return { kind: 'directive', start: at, end, keyword, closed };
  }

  /** The inside of `%{…}`: `if cond`, `else`, `endif`, `for k, v in coll`, `endfor`. Returns the keyword. */
  private directiveBody(): string {
    if (this.peek() !== TOKEN.identifier) {
      this.problem(this.lexer.start, this.lexer.end, 'Expected if, else, endif, for or endfor after "%{".');
      return '';
    }
    const keyword = this.identifier().name;
    if (keyword === 'if') this.expression();
    else if (keyword === 'for') {
      while (this.peek() === TOKEN.identifier && !this.isKeyword('in')) {
        this.advance();
        if (this.peek() === TOKEN.comma) this.advance();
      }
      if (this.isKeyword('in')) this.advance();
      this.expression();
    }
    return keyword;
  }

  /** A heredoc; the current token is `<<EOF` or `<<-EOF`. The body runs to the line holding only the marker. */
  private heredoc(): HclHeredoc {
    const text = this.text;
    const { start, marker, flush, end: markerEnd } = this.lexer;
    let at = markerEnd;
    if (at < text.length && text.charCodeAt(at) !== CHAR_LINE_FEED && text.charCodeAt(at) !== CHAR_CARRIAGE_RETURN) {
      this.problem(start, at, `The heredoc marker "${marker}" must end its line: its text starts on the next line.`);
      while (at < text.length && text.charCodeAt(at) !== CHAR_LINE_FEED && text.charCodeAt(at) !== CHAR_CARRIAGE_RETURN) at++;
    }
    at = skipLineBreak(text, at);
    const bodyStart = at;
    const pieces: Array<HeredocSegment | HclInterpolation | HclDirective> = [];
    const segments: HeredocSegment[] = [];
    let closed = false;
    let bodyEnd = text.length;
    let end = text.length;
    let lineStart = true;
    for (;;) {
      if (lineStart) {
        const closing = closingMarkerEnd(text, at, marker);
        if (closing !== undefined) {
          closed = true;
          bodyEnd = at;
          end = closing;
          break;
        }
        if (at < text.length && isTopLevelHeaderAt(text, at)) {
          bodyEnd = end = at;
          break;
        }
      }
      if (at >= text.length) {
        bodyEnd = end = text.length;
        break;
      }
      const from = at;
      while (at < text.length) {
        const c = text.charCodeAt(at);
        if (c === CHAR_LINE_FEED || c === CHAR_CARRIAGE_RETURN) break;
        if ((c === CHAR_DOLLAR || c === CHAR_PERCENT) && text.charCodeAt(at + 1) === CHAR_OPEN_BRACE && text.charCodeAt(at - 1) !== c) break;
        at++;
      }
      if (at < text.length && text.charCodeAt(at) !== CHAR_LINE_FEED && text.charCodeAt(at) !== CHAR_CARRIAGE_RETURN) {
        const segment = { from, to: at, lineStart };
        segments.push(segment);
        pieces.push(segment);
        pieces.push(this.templateSequence(at));
        at = this.resume;
        lineStart = false;
        continue;
      }
      at = skipLineBreak(text, at);
      const segment = { from, to: at, lineStart };
      segments.push(segment);
      pieces.push(segment);
      lineStart = true;
    }
    if (!closed) this.problem(start, markerEnd, `Unterminated heredoc: no line holds only its closing marker "${marker}".`);
    const parts = heredocParts(text, pieces, flush ? commonIndent(text, segments) : 0);
    this.lexer.pos = end;
    this.advance();
    return { kind: 'heredoc', start, end, marker, flush, parts, bodyStart, bodyEnd, closed };
  }
}
keepShape(new Parser('', []));

function emptyBody(at: number): HclBody {
  return { kind: 'body', start: at, end: at, items: [] };
}

function objectNode(start: number, end: number, items: HclObjectItem[], commas: number[], newlines: number[], closed: boolean): HclObject {
  return { kind: 'object', start, end, items, commas, newlines, closed };
}

function closerText(kind: TokenKind): string {
  return kind === TOKEN.closeParen ? ')' : kind === TOKEN.closeBracket ? ']' : '}';
}

/** Can a token start a value? (After a missing comma, such a token is read as the next item.) */
function startsValue(kind: TokenKind): boolean {
  return (
    kind === TOKEN.identifier ||
    kind === TOKEN.number ||
    kind === TOKEN.quote ||
    kind === TOKEN.heredoc ||
    kind === TOKEN.openBrace ||
    kind === TOKEN.openBracket ||
    kind === TOKEN.openParen ||
    kind === TOKEN.operator
  );
}

function skipLineBreak(text: string, at: number): number {
  if (text.charCodeAt(at) === CHAR_CARRIAGE_RETURN) return text.charCodeAt(at + 1) === CHAR_LINE_FEED ? at + 2 : at + 1;
  return text.charCodeAt(at) === CHAR_LINE_FEED ? at + 1 : at;
}

/** If the line at `at` holds only the marker (blanks around it allowed), the offset just after the marker. */
function closingMarkerEnd(text: string, at: number, marker: string): number | undefined {
  let start = at;
  while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  if (!text.startsWith(marker, start)) return undefined;
  const end = start + marker.length;
  let after = end;
  while (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9) after++;
  if (after < text.length && text.charCodeAt(after) !== CHAR_LINE_FEED && text.charCodeAt(after) !== CHAR_CARRIAGE_RETURN) return undefined;
  return end;
}

/** The heredoc's parts: segments decoded into literals (the common indentation removed from each line), sequences between them. */
function heredocParts(text: string, pieces: ReadonlyArray<HeredocSegment | HclInterpolation | HclDirective>, indent: number): HclTemplatePart[] {
  const parts: HclTemplatePart[] = [];
  let literal = new LiteralBuilder(text);
  let literalEnd = 0;
  for (const piece of pieces) {
    if ('kind' in piece) {
      const part = literal.finish(literalEnd);
      if (part) parts.push(part);
      literal = new LiteralBuilder(text);
      parts.push(piece);
      continue;
    }
    let from = piece.from;
    if (piece.lineStart && indent > 0 && !isBlankLine(text, piece)) from = Math.min(piece.to, piece.from + indent);
    addHeredocText(literal, text, from, piece.to);
    literalEnd = piece.to;
  }
  const last = literal.finish(literalEnd);
  if (last) parts.push(last);
  return parts;
}

function isBlankLine(text: string, segment: HeredocSegment): boolean {
  let at = segment.from;
  while (at < segment.to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  return at < segment.to && (text.charCodeAt(at) === CHAR_LINE_FEED || text.charCodeAt(at) === CHAR_CARRIAGE_RETURN);
}

// The syntax tree of HCL's native syntax, as Terraform writes it. Every node has its exact source range
// [start, end) in UTF-16 offsets (JavaScript string indexes), so positions need no conversion for LSP.
// Half-typed text still yields a tree: a missing value is a `missing` node where it belongs, stray
// tokens are `error` nodes, and an unclosed bracket has `closed: false`.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface HclIdentifier extends Span {
  readonly name: string;
}

export interface HclBody extends Span {
  readonly kind: 'body';
  readonly items: HclBodyItem[];
}

export type HclBodyItem = HclAttribute | HclBlock | HclError;

export interface HclAttribute extends Span {
  readonly kind: 'attribute';
  readonly name: HclIdentifier;
  /** The offset of `=`; undefined for a name typed alone on its line (still being written). */
  readonly equals: number | undefined;
  readonly value: HclExpression;
}

export interface HclBlock extends Span {
  readonly kind: 'block';
  readonly type: HclIdentifier;
  readonly labels: HclLabel[];
  /** The offset of `{`; undefined when the header was left unfinished. */
  readonly open: number | undefined;
  /** The offset of `}`; undefined when the block is not closed. */
  readonly close: number | undefined;
  readonly body: HclBody;
}

export interface HclLabel extends Span {
  readonly value: string;
  readonly quoted: boolean;
}

export type HclExpression =
  | HclTemplate
  | HclHeredoc
  | HclNumber
  | HclBool
  | HclNull
  | HclTuple
  | HclObject
  | HclCall
  | HclVariable
  | HclGetAttr
  | HclIndex
  | HclSplat
  | HclFor
  | HclConditional
  | HclBinary
  | HclUnary
  | HclParens
  | HclMissing
  | HclError;

/** Literal text of a template, decoded; `runs` maps decoded indexes to source offsets where they differ. */
export interface HclLiteral extends Span {
  readonly kind: 'literal';
  readonly value: string;
  /**
   * Where the source is not the value character for character (escapes, `$${`, a heredoc's stripped
   * indentation): pairs [value index, source offset] at the start of each run in which both advance
   * together, the last pair being [value.length, end]. Undefined when value[i] sits at start + i throughout.
   */
  readonly runs: number[] | undefined;
}

export interface HclInterpolation extends Span {
  readonly kind: 'interpolation';
  readonly expression: HclExpression;
  readonly closed: boolean;
}

/** `%{if …}`, `%{else}`, `%{endif}`, `%{for …}`, `%{endfor}`: kept whole, their meaning is Terraform's. */
export interface HclDirective extends Span {
  readonly kind: 'directive';
  readonly keyword: string;
  readonly closed: boolean;
}

export type HclTemplatePart = HclLiteral | HclInterpolation | HclDirective;

export interface HclTemplate extends Span {
  readonly kind: 'template';
  readonly parts: HclTemplatePart[];
  readonly closed: boolean;
}

export interface HclHeredoc extends Span {
  readonly kind: 'heredoc';
  readonly marker: string;
  /** `<<-`: the common indentation of the lines is removed. */
  readonly flush: boolean;
  readonly parts: HclTemplatePart[];
  /** The body's source range: from the line after the opening marker to the start of the closing marker's line. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly closed: boolean;
}

export interface HclNumber extends Span {
  readonly kind: 'number';
  readonly raw: string;
}

export interface HclBool extends Span {
  readonly kind: 'bool';
  readonly value: boolean;
}

export interface HclNull extends Span {
  readonly kind: 'null';
}

export interface HclTuple extends Span {
  readonly kind: 'tuple';
  readonly items: HclExpression[];
  readonly commas: number[];
  readonly closed: boolean;
}

export interface HclObjectItem extends Span {
  readonly key: HclExpression;
  /** The offset of `=` or `:`; undefined when it is missing. */
  readonly separator: number | undefined;
  readonly value: HclExpression;
}

export interface HclObject extends Span {
  readonly kind: 'object';
  readonly items: HclObjectItem[];
  /** Offsets of the commas between items. */
  readonly commas: number[];
  /** Offsets of the line breaks that separate items (HCL takes a newline or a comma). */
  readonly newlines: number[];
  readonly closed: boolean;
}

export interface HclCall extends Span {
  readonly kind: 'call';
  /** The function's name; provider functions keep their `provider::name::` prefix. */
  readonly name: HclIdentifier;
  readonly args: HclExpression[];
  readonly commas: number[];
  /** `f(list...)`: the last argument is expanded. */
  readonly expandFinal: boolean;
  readonly closed: boolean;
}

/** A name that starts a reference: `var`, `local`, `aws_iam_role`, `data`, `each`, … */
export interface HclVariable extends Span {
  readonly kind: 'variable';
  readonly name: string;
}

export interface HclGetAttr extends Span {
  readonly kind: 'get-attr';
  readonly target: HclExpression;
  readonly name: HclIdentifier;
}

/** `x[key]`, and the legacy `x.0`. */
export interface HclIndex extends Span {
  readonly kind: 'index';
  readonly target: HclExpression;
  readonly key: HclExpression;
  readonly closed: boolean;
}

/** `x[*]` or `x.*`. */
export interface HclSplat extends Span {
  readonly kind: 'splat';
  readonly target: HclExpression;
  readonly full: boolean;
}

export interface HclFor extends Span {
  readonly kind: 'for';
  /** `{for …}` makes an object, `[for …]` a tuple. */
  readonly object: boolean;
  readonly keyVariable: HclIdentifier | undefined;
  readonly valueVariable: HclIdentifier | undefined;
  readonly collection: HclExpression;
  readonly keyResult: HclExpression | undefined;
  readonly valueResult: HclExpression;
  readonly condition: HclExpression | undefined;
  readonly grouped: boolean;
  readonly closed: boolean;
}

export interface HclConditional extends Span {
  readonly kind: 'conditional';
  readonly condition: HclExpression;
  readonly whenTrue: HclExpression;
  readonly whenFalse: HclExpression;
}

export interface HclBinary extends Span {
  readonly kind: 'binary';
  readonly operator: string;
  readonly left: HclExpression;
  readonly right: HclExpression;
}

export interface HclUnary extends Span {
  readonly kind: 'unary';
  readonly operator: '-' | '!';
  readonly operand: HclExpression;
}

export interface HclParens extends Span {
  readonly kind: 'parens';
  readonly expression: HclExpression;
  readonly closed: boolean;
}

/** Where a value belongs and none is written yet (`name =` at a line end). Zero width. */
export interface HclMissing extends Span {
  readonly kind: 'missing';
}

/** Text that is not HCL here: stray tokens, skipped while the parser finds its feet again. */
export interface HclError extends Span {
  readonly kind: 'error';
}

/** A literal's value index → source offset, by binary search over its runs. */
export function literalSourceOffset(literal: HclLiteral, index: number): number {
  const runs = literal.runs;
  if (!runs) return literal.start + index;
  let low = 0;
  let high = runs.length / 2 - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (runs[mid * 2]! <= index) low = mid;
    else high = mid - 1;
  }
  return runs[low * 2 + 1]! + (index - runs[low * 2]!);
}

/** The dotted name of a plain reference (`data.aws_iam_policy_document.x.json`), or undefined for anything else. */
export function referenceName(expression: HclExpression): string | undefined {
  if (expression.kind === 'variable') return expression.name;
  if (expression.kind !== 'get-attr') return undefined;
  const target = referenceName(expression.target);
  return target === undefined ? undefined : `${target}.${expression.name.name}`;
}

// Policy variables: ${aws:username}, ${aws:PrincipalTag/team, 'default'}, and the escapes ${*} ${?} ${$}.
// The one tokenizer of `${…}` in values: rules, hover, completion, the ARN reader and the simulator all
// read variables through it. One left-to-right pass, so any input is linear.

export const SPECIAL_VARIABLES: ReadonlyArray<{ readonly name: '*' | '?' | '$'; readonly doc: string }> = [
  { name: '*', doc: 'A literal `*`, where a plain `*` would be a wildcard.' },
  { name: '?', doc: 'A literal `?`, where a plain `?` would be a wildcard.' },
  { name: '$', doc: 'A literal `$`.' },
];

export const VARIABLES_DOC_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';

export interface VariableToken {
  /** Offset of `${` in the text. */
  readonly start: number;
  /** Offset just after the closing `}`, or the text's end when it is missing. */
  readonly end: number;
  readonly closed: boolean;
  /** Everything between `${` and `}` (or the end), untrimmed. */
  readonly inner: string;
  /** The key before any comma, trimmed: `aws:username`, `*`. */
  readonly key: string;
  /** Whatever follows the first comma, trimmed, quotes kept; undefined without a comma. */
  readonly rawDefault: string | undefined;
  /** The default with its single quotes removed. */
  readonly defaultValue: string | undefined;
  /** `*`, `?` or `$` for the escapes that stand for those characters. */
  readonly special: '*' | '?' | '$' | undefined;
}

/** Every `${…}` in the text, closed or not. After an unclosed one the rest of the text belongs to it. */
const NONE: VariableToken[] = [];

export function scanVariables(text: string): readonly VariableToken[] {
  let open = text.indexOf('${');
  if (open < 0) return NONE;
  const tokens: VariableToken[] = [];
  while (open >= 0) {
    const close = text.indexOf('}', open + 2);
    if (close < 0) {
      tokens.push(token(text, open, text.length, false));
      break;
    }
    tokens.push(token(text, open, close + 1, true));
    open = text.indexOf('${', close + 1);
  }
  return tokens;
}

function token(text: string, start: number, end: number, closed: boolean): VariableToken {
  const inner = text.slice(start + 2, closed ? end - 1 : end);
  const comma = inner.indexOf(',');
  const key = (comma < 0 ? inner : inner.slice(0, comma)).trim();
  const rawDefault = comma < 0 ? undefined : inner.slice(comma + 1).trim();
  const defaultValue =
    rawDefault !== undefined && rawDefault.length >= 2 && rawDefault.startsWith("'") && rawDefault.endsWith("'") ? rawDefault.slice(1, -1) : rawDefault;
  const special = key === '*' || key === '?' || key === '$' ? key : undefined;
  return { start, end, closed, inner, key, rawDefault, defaultValue, special };
}

export function hasVariables(text: string): boolean {
  return text.includes('${');
}

/** The variable whose text spans the offset (its braces included). */
export function variableAt(text: string, offset: number): VariableToken | undefined {
  return scanVariables(text).find((v) => offset >= v.start && offset <= v.end);
}

/** A `${` before the offset that is not closed before it: the user is typing a variable there. */
export function openVariableBefore(text: string, offset: number): VariableToken | undefined {
  const last = scanVariables(text.slice(0, offset)).at(-1);
  return last && !last.closed ? last : undefined;
}

/** The text with each closed variable replaced; unclosed ones stay as written. One pass. */
export function replaceVariables(text: string, replace: (variable: VariableToken) => string): string {
  if (!hasVariables(text)) return text;
  let out = '';
  let position = 0;
  for (const variable of scanVariables(text)) {
    if (!variable.closed) break;
    out += text.slice(position, variable.start) + replace(variable);
    position = variable.end;
  }
  return out + text.slice(position);
}

/** The condition keys a text reads through variables (escapes left out), in order of appearance. */
export function variableKeys(text: string): string[] {
  return scanVariables(text)
    .filter((v) => v.closed && !v.special && v.key !== '')
    .map((v) => v.key);
}

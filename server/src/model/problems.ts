/** A problem found while reading the text, before any IAM meaning is given to it. */
export interface SyntaxProblem {
  readonly code: 'syntax-error' | 'duplicate-key' | 'nesting-too-deep' | 'document-too-large';
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** A repair the reader knows for its range: put the word in double quotes, or remove it (a trailing comma). */
  readonly repair?: 'quote' | 'remove';
}

/**
 * Deeper containers are not read. No policy comes near it (a template's deepest condition value is about
 * fifteen levels down), and the YAML library's composer recurses: far deeper input would exhaust the stack.
 */
export const MAX_NESTING_DEPTH = 500;

export const MAX_NESTING_MESSAGE = `The document is nested too deeply to analyse (over ${MAX_NESTING_DEPTH} levels here); no policy is that deep.`;

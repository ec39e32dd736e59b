/** A problem found while reading the text, before any IAM meaning is given to it. */
export interface SyntaxProblem {
  readonly code: 'syntax-error' | 'duplicate-key';
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export const MAX_NESTING_MESSAGE = 'The document is nested too deeply to analyse (over a thousand levels); no policy is that deep.';

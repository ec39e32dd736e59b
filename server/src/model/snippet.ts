// Snippets as data: a small tree of values with tab stops, which each format renders in its own
// syntax and at the document's indentation. Completion builds these; formats write them.

export interface Tabstop {
  readonly kind: 'tabstop';
  readonly index: number;
  /** Default text, selected when the stop is reached. */
  readonly placeholder?: string;
  /** A choice list instead of a placeholder. */
  readonly choices?: readonly string[];
}

/** Text with tab stops inside one scalar: `aws:RequestTag/${1:TagKey}`. */
export interface Concat {
  readonly kind: 'concat';
  readonly parts: ReadonlyArray<Tabstop | { readonly kind: 'text'; readonly value: string }>;
}

/** A scalar of a snippet: a tab stop, plain text, or text with tab stops inside. */
export type ScalarSnippet = Tabstop | { readonly kind: 'text'; readonly value: string } | Concat;

/** A key: plain text, or a scalar with tab stops. */
export type KeySnippet = string | ScalarSnippet;

export type SnippetValue =
  | ScalarSnippet
  | { readonly kind: 'list'; readonly items: readonly SnippetValue[] }
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [KeySnippet, SnippetValue]> };

export const stop = (index: number, placeholder?: string): Tabstop => ({ kind: 'tabstop', index, ...(placeholder !== undefined ? { placeholder } : {}) });
export const choice = (index: number, ...choices: string[]): Tabstop => ({ kind: 'tabstop', index, choices });
export const text = (value: string): { readonly kind: 'text'; readonly value: string } => ({ kind: 'text', value });
export const concat = (...parts: Array<Tabstop | string>): Concat => ({ kind: 'concat', parts: parts.map((p) => (typeof p === 'string' ? text(p) : p)) });
export const list = (...items: SnippetValue[]): SnippetValue => ({ kind: 'list', items });
export const object = (...entries: Array<readonly [KeySnippet, SnippetValue]>): SnippetValue => ({ kind: 'object', entries });

/** The text a scalar snippet stands for, with its tab stops at their defaults (to decide quoting). */
export function scalarValues(scalar: ScalarSnippet): string[] {
  if (scalar.kind === 'text') return [scalar.value];
  if (scalar.kind === 'tabstop') return scalar.choices ? [...scalar.choices] : [scalar.placeholder ?? ''];
  return [scalar.parts.map((p) => scalarValues(p)[0] ?? '').join('')];
}

/** A scalar snippet in LSP syntax; `inner` escapes what the surrounding syntax (quotes) needs. */
export function scalarText(scalar: ScalarSnippet, inner: (value: string) => string = (v) => v): string {
  if (scalar.kind === 'text') return snippetText(inner(scalar.value));
  if (scalar.kind === 'tabstop') return tabstopText(scalar, inner);
  return scalar.parts.map((p) => scalarText(p, inner)).join('');
}

/** Escapes text for a snippet body (outside placeholders). */
export function snippetText(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A tab stop in LSP snippet syntax; `inner` escapes what the surrounding syntax (quotes) needs. */
export function tabstopText(stop: Tabstop, inner: (value: string) => string = (v) => v): string {
  if (stop.choices) return `\${${stop.index}|${stop.choices.map((c) => inner(c).replace(/[\\,|$}]/g, (x) => `\\${x}`)).join(',')}|}`;
  if (stop.placeholder !== undefined) return `\${${stop.index}:${snippetText(inner(stop.placeholder))}}`;
  return `$${stop.index}`;
}

/**
 * What a new document holds, for a format that writes the resource holding a policy its own way (a
 * Terraform resource rather than a CloudFormation template). The policies' tab stops are numbered as in
 * the template skeleton, so the stops that name things keep their numbers in every format.
 */
export interface SkeletonParts {
  /** A policy on its own, a managed policy, or a role with its trust policy and an inline policy. */
  readonly kind: 'policy' | 'managed-policy' | 'role';
  /** The tab stop that names what holds the policy (a resource, a data source). */
  readonly nameStop: number;
  readonly policy: SnippetValue;
  /** A role's trust policy. */
  readonly trust?: SnippetValue;
  /** The tab stop that names a role's inline policy. */
  readonly policyNameStop?: number;
}

/** A whole new document as one format writes it, with the name the format gives it. */
export interface WrittenSkeleton {
  readonly label: string;
  readonly detail: string;
  readonly snippet: string;
}

/** Where a snippet is written: the indentation of the line it starts on, and the document's indentation unit. */
export interface Layout {
  readonly indent: string;
  readonly unit: string;
}

// The parsed document: tree, syntax problems, policies and line index, built once per text version
// by the document's format (formats/), which the document keeps for writing back into it.
import type { Format, FormatWriter } from './format';
import { LineIndex } from './lines';
import type { Policy, Statement } from './policy';
import type { SyntaxProblem } from './problems';
import type { ValueNode } from './tree';

export interface PolicyDocument {
  readonly text: string;
  readonly format: Format;
  readonly lines: LineIndex;
  readonly roots: readonly ValueNode[];
  readonly problems: readonly SyntaxProblem[];
  readonly policies: readonly Policy[];
  readonly isTemplate: boolean;
  /** The text holds something besides its roots (ParsedText.otherContent). */
  readonly otherContent?: boolean;
  /**
   * Set on a model made from the previous version by reading again only the policy an edit fell in
   * (splice.ts): the range read. Policies, problems and lines are exact; `roots` are the previous version's.
   */
  readonly spliced?: {
    readonly start: number;
    readonly end: number;
    /** Read with no syntax problem near it, from a model that was: its findings are a full parse's (splice.ts). */
    readonly clean: boolean;
  };
}

export interface ReadLimits {
  /** Longer texts (in characters) are not read: the document gets one document-too-large problem. */
  readonly maxLength?: number;
}

export function parseDocument(text: string, format: Format, limits: ReadLimits = {}): PolicyDocument {
  if (limits.maxLength !== undefined && text.length > limits.maxLength) {
    const problem: SyntaxProblem = {
      code: 'document-too-large',
      start: 0,
      end: Math.min(text.length, 1),
      message: tooLargeMessage(text.length, limits.maxLength),
    };
    return { text, format, lines: new LineIndex(text), roots: [], problems: [problem], policies: [], isTemplate: false };
  }
  const parsed = format.parse(text);
  const { policies, isTemplate } = format.findPolicies(parsed.roots);
  // In the order of the text, as a splice of this document keeps them: the same findings either way.
  const problems = [...parsed.problems].sort((a, b) => a.start - b.start);
  const document = { text, format, lines: new LineIndex(text), roots: parsed.roots, problems, policies, isTemplate };
  return parsed.otherContent ? { ...document, otherContent: true } : document;
}

const MIB = 1024 * 1024;

export function tooLargeMessage(length: number, maxLength: number): string {
  const mib = (n: number) => (n / MIB).toFixed(n < 10 * MIB ? 1 : 0);
  return `The document is ${mib(length)} MiB, over the limit of ${mib(maxLength)} MiB (setting maxDocumentSize): it is not analysed.`;
}

/** The innermost policy whose object spans the offset (of two starting there, the later one listed). */
export function policyAt(document: PolicyDocument, offset: number): Policy | undefined {
  const { byStart, furthestEnd } = policyIndex(document.policies);
  // The last policy starting at or before the offset, then back while one before may still reach it.
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byStart[middle]!.node.start <= offset) low = middle + 1;
    else high = middle;
  }
  for (let i = low - 1; i >= 0 && furthestEnd[i]! >= offset; i--) {
    if (byStart[i]!.node.end >= offset) return byStart[i];
  }
  return undefined;
}

interface PolicyIndex {
  /** The policies in the order they start, the order listed kept between equal starts. */
  readonly byStart: readonly Policy[];
  /** furthestEnd[i]: the furthest end among byStart[0..i]. */
  readonly furthestEnd: readonly number[];
}

const policyIndexes = new WeakMap<readonly Policy[], PolicyIndex>();

/** Completion, hover and code actions ask once per request: in a file of 1,000 policies, a search, not a scan. */
function policyIndex(policies: readonly Policy[]): PolicyIndex {
  let index = policyIndexes.get(policies);
  if (!index) {
    const byStart = [...policies].sort((a, b) => a.node.start - b.node.start);
    const furthestEnd: number[] = [];
    for (const policy of byStart) furthestEnd.push(Math.max(policy.node.end, furthestEnd[furthestEnd.length - 1] ?? -1));
    policyIndexes.set(policies, (index = { byStart, furthestEnd }));
  }
  return index;
}

/** How to write at an offset: in the syntax of the policy there (JSON in a Terraform heredoc), else the document's. */
export function writerAt(document: PolicyDocument, offset: number): FormatWriter {
  return policyAt(document, offset)?.traits.writer ?? document.format.writer;
}

/** The statement whose object spans the offset, in the policy at that offset. */
export function statementAt(document: PolicyDocument, offset: number): Statement | undefined {
  return policyAt(document, offset)?.statements.find((s) => offset >= s.node.start && offset <= s.node.end);
}

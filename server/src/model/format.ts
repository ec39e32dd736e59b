// An input format is one module behind this interface (formats/json.ts, formats/yaml.ts): it reads the
// text into the shared tree, says where the policies are, and writes values, keys and snippets in its
// own syntax. Features and rules ask the document's format; none of them names one.
import type { OffsetEdit } from './edits';
import type { Policy, PolicyKind, PolicyOrigin, PolicyTraits } from './policy';
import type { SyntaxProblem } from './problems';
import type { KeySnippet, Layout, SkeletonParts, SnippetValue, WrittenSkeleton } from './snippet';
import type { ArrayNode, ObjectNode, PropertyNode, ValueNode } from './tree';

export type Quote = '"' | "'" | undefined;

export interface ParsedText {
  readonly roots: ValueNode[];
  readonly problems: SyntaxProblem[];
  /** A bracket was left open (a YAML flow collection): whatever followed the text might belong to it. */
  readonly unclosed?: boolean;
  /** The text holds something besides its roots (Terraform blocks that hold no policy): it is not empty, even without roots. */
  readonly otherContent?: boolean;
}

export interface FoundPolicies {
  readonly policies: Policy[];
  /** The document is a template (CloudFormation, SAM, …) rather than one policy. */
  readonly isTemplate: boolean;
}

/** A place that takes a policy and holds none yet (an empty value, a word being typed): what it would hold. */
export interface PendingPolicy {
  /** The key that takes the policy, with the value it has so far. */
  readonly holder: PropertyNode;
  readonly kind: PolicyKind;
  readonly origin: PolicyOrigin;
  readonly label: string;
  readonly traits: PolicyTraits;
}

/** A position on a blank line, resolved by indentation: the node whose slot it is in. */
export interface BlankLineTarget {
  /** An offset inside the node that decides the slot. */
  readonly offset: number;
  /** sibling: a key beside the one at offset; child: the key whose value the cursor starts. */
  readonly relation: 'sibling' | 'child';
  /** Where on the line a key written here belongs, when that differs from the cursor's column. */
  readonly column?: number;
  /** Where the word typed before the cursor starts, when the line holds one (`  Eff` under a list dash). */
  readonly word?: number;
}

/** What an insertion between the entries of an object needs: a separator after the entry before it, one after itself. */
export interface Separators {
  /** Text to add at an offset after the previous entry (JSON: a comma at the end of the previous value). */
  readonly afterPrevious: { readonly offset: number; readonly text: string } | undefined;
  /** Text to end the inserted entry with (JSON: a comma when an entry follows). */
  readonly trailing: string;
}

/**
 * For syntaxes whose entries are separated by commas (JSON, HCL objects): a comma after the entry
 * before the span when none separates them, and one after the new entry when another follows. Commas
 * are the offsets the reader recorded in `container.commas`.
 */
export function commaSeparators(container: ObjectNode | undefined, span: { readonly start: number; readonly end: number }): Separators {
  if (!container) return { afterPrevious: undefined, trailing: '' };
  const commas = container.commas ?? [];
  let previousEnd: number | undefined;
  for (const p of container.properties) if (p.end <= span.start) previousEnd = p.end;
  const next = container.properties.find((p) => p.start >= span.end);
  const needsBefore = previousEnd !== undefined && !commas.some((c) => c >= previousEnd && c < span.start);
  const needsAfter = next !== undefined && !commas.some((c) => c >= span.end && c < next.start);
  return { afterPrevious: needsBefore ? { offset: previousEnd!, text: ',' } : undefined, trailing: needsAfter ? ',' : '' };
}

export interface FormatWriter {
  /** A string value, in the quote the author used where the format leaves a choice. */
  string(value: string, quote: Quote): string;
  /** A string whose content is already snippet text (tab stops inside), quoted as the format needs. */
  stringSnippet(snippet: string, quote: Quote): string;
  /** A key, as the format writes it. */
  key(name: string): string;
  /** A key and an already written value, on one line. */
  inlineEntry(key: string, value: string): string;
  /** A value on one line (JSON, or YAML flow style that fits both block and flow context). */
  inline(value: unknown): string;
  /** A key with tab stops, as a snippet. */
  keySnippet(key: KeySnippet): string;
  /** `key: value` as a snippet, the value laid out below the key where the format does that. */
  entry(key: KeySnippet, value: SnippetValue, layout: Layout): string;
  /** A value as a snippet (a whole statement, a skeleton policy). */
  value(value: SnippetValue, layout: Layout): string;
  /** The entries of an object without its braces, for a container that is already open. */
  entries(entries: ReadonlyArray<readonly [KeySnippet, SnippetValue]>, layout: Layout): string;
  /** What an entry written over `span` (an insertion point, or a key being typed) among the entries of the object needs. */
  separators(container: ObjectNode | undefined, span: { readonly start: number; readonly end: number }): Separators;
  /** The indentation continuation lines of something written at offset start with. */
  indentAt(text: string, offset: number): string;
  /** The arguments a condition's operator and key are written in, where the syntax gives them their own (the data source's `test` and `variable`). */
  readonly conditionArguments?: { readonly operator: string; readonly key: string };
  /** How a key shows in a completion list, where the syntax names it otherwise (Terraform's `actions` for Action). */
  keyLabel?(name: string): string;
  /** An entry added to container, where the syntax lays it out its own way (a Terraform `condition` block); undefined for `key: value`. */
  addedEntry?(text: string, container: ObjectNode, key: string, value: unknown, where: 'first' | 'last'): OffsetEdit | undefined;
  /** An item added after another in a list, where the syntax lays it out its own way (a Terraform `statement` block); undefined for the usual item. */
  addedItem?(text: string, list: ArrayNode, after: ValueNode, value: unknown): OffsetEdit | undefined;
}

/** One value read on its own (formats' parseFragment), with offsets in the whole text. */
export interface Fragment {
  readonly root: ValueNode;
  readonly problems: SyntaxProblem[];
}

export interface Format {
  readonly id: string;
  /** For messages: "JSON", "YAML". */
  readonly name: string;
  parse(text: string): ParsedText;
  findPolicies(roots: readonly ValueNode[]): FoundPolicies;
  readonly writer: FormatWriter;
  /** The places that take a policy and hold none yet (formats/cloudformation.ts), read when a position is in no policy. */
  pendingPolicies?(roots: readonly ValueNode[]): readonly PendingPolicy[];
  /** Where indentation is structure (YAML): the node a position on a blank line belongs to. */
  blankLineTarget?(text: string, offset: number): BlankLineTarget | undefined;
  /**
   * Where the text a container owns ends: its closing bracket, or the line that ends a YAML block.
   * Undefined when that cannot be told (an unclosed bracket, a root). With parseFragment, lets an edit
   * inside one policy be read without the rest of the document (model/splice.ts).
   */
  valueExtent?(text: string, node: ObjectNode, policy: Policy): number | undefined;
  /**
   * Reads text[start, end) as one value in its place, the place of policy (whose syntax there may be
   * the format's own or another's: Terraform's HCL object, JSON heredoc or data source); undefined
   * unless it reads as exactly one container spanning the range.
   */
  parseFragment?(text: string, start: number, end: number, policy: Policy): Fragment | undefined;
  /**
   * A new document, where the format holds policies in constructs of its own (Terraform resources and
   * data sources); without it, a skeleton is the policy or template as a value, written by the writer.
   */
  skeleton?(parts: SkeletonParts, layout: Layout): WrittenSkeleton;
  /** A plain scalar ending in `:` reads as a key while it is typed (YAML `- profile:`). */
  readonly colonEndsPlainKey: boolean;
  /** Keys typed where a list item goes start an object (a YAML `- ` item); JSON needs the braces. */
  readonly keysStartObjects: boolean;
}

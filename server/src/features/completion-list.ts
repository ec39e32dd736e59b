// How a completion list is answered, whatever its items: when a typed character opens one at all, the
// edit range of each item (inside a closed string's quotes or over the whole token), and lists built
// once and shared, frozen, between requests.
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import type { Slot } from '../model/locate';

export interface CompletionOptions {
  /**
   * The client takes one edit range for the whole list (LSP 3.17 `itemDefaults.editRange`, as VS Code
   * does): the items of a cached list are answered as they are, none copied and none carrying a range.
   */
  readonly editRangeDefault?: boolean;
  /** The character whose typing asked for the list (LSP `triggerCharacter`); absent when the user asked. */
  readonly triggerCharacter?: string;
  /** The client has SUGGEST_AT_NEXT_STOP_COMMAND (protocol.ts): an operator accepted into a snippet leads on to the key's list. */
  readonly suggestAtNextStop?: boolean;
}

/**
 * Whether a typed trigger character begins what a list completes there: a quote that opens a string, a
 * `:` or `/` inside a value (`profile:`, an ARN's parts, `aws:ResourceTag/`), the `{` of `${` or `&{`, a
 * `$`, or a blank after a key's separator where a value goes (YAML `Effect: `, HCL `effect = `). A quote
 * that closes a string, a `{` that opens a block or a blank between words opens nothing: the editor
 * would show a list unasked, and the Enter meant for a new line would take its first item.
 */
export function opensList(trigger: string, slot: Slot, offset: number): boolean {
  const { node, prefix, kind } = slot;
  const inValue = kind !== 'policy-key' && kind !== 'statement-key';
  switch (trigger) {
    case '"':
      return node?.kind === 'string' && node.quote === '"' && node.start === offset - 1;
    case ':':
    case '/':
    case '$':
      return inValue && prefix.endsWith(trigger);
    case '{':
      return inValue && (prefix.endsWith('${') || prefix.endsWith('&{'));
    case ' ':
      return (kind === 'value' || kind === 'condition-value') && prefix === '' && (node === undefined || node.kind === 'null');
    default:
      return true;
  }
}

/** The span between a closed string's quotes, when the slot replaces the whole string. */
export function insideQuotes(slot: Slot): { start: number; end: number } | undefined {
  const node = slot.node;
  if (!slot.quote || slot.lead || node?.kind !== 'string' || !node.closed) return undefined;
  if (slot.replace.start !== node.start || slot.replace.end !== node.end) return undefined;
  return { start: node.start + 1, end: node.end - 1 };
}

export function isQuotedBy(text: string, quote: string | undefined): boolean {
  return quote !== undefined && text.length >= 2 && text.startsWith(quote) && text.endsWith(quote);
}

/** Lists already in their answered form (the cached ones). */
const FINISHED_LISTS = new WeakSet<readonly CompletionItem[]>();
/** Items of a quoted slot whose text is not written with its quotes: they replace the whole slot, not the list's range. */
const OWN_RANGE = new WeakSet<CompletionItem>();
/** Lists holding such items: only these are looked through. */
const LISTS_WITH_OWN_RANGE = new WeakSet<readonly CompletionItem[]>();

/**
 * Items as answered against the list's edit range: the text in `textEditText` (left out when it is the
 * label). In a closed string (`inside`), an item written with the same quotes replaces only what is
 * between them: the same text results, and the editor keeps a snippet's tab stops (a policy started
 * from a skeleton goes on to its next stop after an action is completed; an edit over the quotes would
 * end the snippet). Changes the items in place: they are new.
 */
function finishItems(items: CompletionItem[], quote: Slot['quote'], inside: boolean): CompletionItem[] {
  for (const item of items) {
    if (item.textEdit) continue;
    let newText = item.insertText ?? item.label;
    if (inside) {
      if (isQuotedBy(newText, quote)) {
        newText = newText.slice(1, -1);
        if (item.filterText && isQuotedBy(item.filterText, quote)) item.filterText = item.filterText.slice(1, -1);
        else if (item.filterText?.startsWith(quote!)) item.filterText = item.filterText.slice(1);
      } else {
        OWN_RANGE.add(item);
        LISTS_WITH_OWN_RANGE.add(items);
      }
    }
    // Cleared, not deleted: a delete turns each of hundreds of items into a slow dictionary object.
    item.insertText = undefined;
    item.textEditText = newText === item.label ? undefined : newText;
  }
  return items;
}

/** A list to keep and share between requests: finished once, frozen, answered as it is. */
export function sharedList(items: CompletionItem[], quote: Slot['quote'], inside: boolean): readonly CompletionItem[] {
  const finished = finishItems(items, quote, inside);
  for (const item of finished) Object.freeze(item);
  const list = Object.freeze(finished);
  FINISHED_LISTS.add(list);
  return list;
}

/**
 * The list as answered: `range` is the whole token the slot replaces, `editRange` what the list's
 * items replace (inside the quotes where they keep them). A client that takes one edit range per list
 * gets it once and shared items; any other gets each item copied with its edit.
 */
export function answerList(
  built: CompletionItem[],
  quote: Slot['quote'],
  inside: boolean,
  ranges: { readonly range: Range; readonly editRange: Range },
  options: CompletionOptions,
): CompletionList {
  const { range, editRange } = ranges;
  const items = FINISHED_LISTS.has(built) ? built : finishItems(built, quote, inside);
  const mixed = LISTS_WITH_OWN_RANGE.has(items);
  const withRange = (item: CompletionItem, at: Range): CompletionItem => ({
    ...item,
    textEdit: { range: at, newText: item.textEditText ?? item.label },
    textEditText: undefined,
  });
  if (options.editRangeDefault) {
    return {
      isIncomplete: false,
      itemDefaults: { editRange },
      items: mixed ? items.map((item) => (OWN_RANGE.has(item) ? withRange(item, range) : item)) : items,
    };
  }
  return {
    isIncomplete: false,
    items: items.map((item) => (item.textEdit ? item : withRange(item, mixed && OWN_RANGE.has(item) ? range : editRange))),
  };
}

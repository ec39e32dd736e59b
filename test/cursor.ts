// Cursor-marked fixtures: `‸` marks the position; helpers apply a completion the way an editor does.
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { LineIndex } from '../server/src/model/lines';

export const CURSOR = '‸';

export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`fixture needs exactly one ${CURSOR}: ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Resolves snippet syntax to its defaults: ${1:x} → x, ${1|a,b|} → a, $1 → what stop 1 took before it (or nothing), \\$ → $. */
export function expandSnippet(snippet: string, defaults = new Map<string, string>()): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const close = matchingBrace(snippet, i + 1);
      const inner = snippet.slice(i + 2, close);
      const choice = /^(\d+)\|(.*)\|$/.exec(inner);
      const placeholder = /^(\d+):(.*)$/s.exec(inner);
      const value = choice ? choice[2]!.split(',')[0]! : placeholder ? expandSnippet(placeholder[2]!, defaults) : '';
      const index = (choice ?? placeholder)?.[1];
      if (index !== undefined) defaults.set(index, value);
      out += value;
      i = close;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      // A mirror: the text its tab stop took, written earlier in the snippet.
      let index = '';
      while (/\d/.test(snippet[i + 1] ?? '')) index += snippet[++i];
      out += defaults.get(index) ?? '';
    } else out += c;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

/**
 * The document after accepting the item (snippet tab stops at their defaults, tabs as two spaces,
 * additional edits applied). An item without an edit of its own takes its list's edit range and its
 * `textEditText` or label, as LSP 3.17 clients do.
 */
export function applyCompletion(text: string, item: CompletionItem, list?: CompletionList): string {
  const defaultRange = list?.itemDefaults?.editRange;
  if (defaultRange && !('start' in defaultRange)) throw new Error('insert/replace edits are not used');
  const edit = item.textEdit ?? (defaultRange ? { range: defaultRange, newText: item.textEditText ?? item.label } : undefined);
  if (!edit) throw new Error(`"${item.label}" has no edit and its list no edit range`);
  if (!('range' in edit)) throw new Error('insert/replace edits are not used');
  const lines = new LineIndex(text);
  const inserted = item.insertTextFormat === 2 ? expandSnippet(edit.newText) : edit.newText;
  const edits = [edit, ...(item.additionalTextEdits ?? [])].map((e, i) => ({
    start: lines.offsetAt(e.range.start),
    end: lines.offsetAt(e.range.end),
    newText: i === 0 ? inserted.replace(/\t/g, '  ') : e.newText,
  }));
  edits.sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of edits) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

/**
 * The document after accepting a snippet item, with the cursor where the editor leaves it: at the
 * snippet's first tab stop (an empty one: `$1` or `${1}`).
 */
export function acceptToFirstStop(text: string, item: CompletionItem): { text: string; offset: number } {
  const edit = item.textEdit;
  if (!edit || !('range' in edit) || item.insertTextFormat !== 2) throw new Error(`"${item.label}" is not a snippet with an edit`);
  const marked = edit.newText.replace(/\$1(?!\d)|\$\{1\}/, CURSOR);
  if (marked === edit.newText) throw new Error(`"${item.label}" has no empty first stop: ${edit.newText}`);
  return withCursor(applyCompletion(text, { ...item, textEdit: { ...edit, newText: marked } }));
}

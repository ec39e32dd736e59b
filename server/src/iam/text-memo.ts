// Memos keyed by text that came out of a document: an action, an ARN, a condition key or operator.

/**
 * A string of its own with the same characters. A string cut from a document (every JSON or YAML value
 * is one) can keep the whole document's text alive, and the memos below outlive documents: keyed by
 * such strings, they held every version of a file being edited, a 1 MiB template gaining a megabyte of
 * heap for each new action typed into it.
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * Answers memoised by text, bounded (past `limit` entries it starts afresh). On a miss the key is
 * copied (ownCopy) and the answer computed from the copy, so neither the key nor the parts an answer
 * slices from it hold on to a document.
 */
export class TextMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly limit: number,
    private readonly compute: (text: string) => V,
  ) {}

  get(text: string): V {
    const found = this.entries.get(text);
    if (found !== undefined || this.entries.has(text)) return found as V;
    if (this.entries.size >= this.limit) this.entries.clear();
    const own = ownCopy(text);
    const answer = this.compute(own);
    this.entries.set(own, answer);
    return answer;
  }
}

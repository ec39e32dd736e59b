// "Did you mean": closest names by edit distance (with transpositions), case-insensitive.

export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const target = word.toLowerCase();
  const threshold = Math.max(2, Math.floor(target.length / 3));
  const scored: Array<{ name: string; distance: number }> = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (Math.abs(lower.length - target.length) > threshold) continue;
    const distance = editDistance(target, lower, threshold);
    if (distance <= threshold) scored.push({ name: candidate, distance });
  }
  // A name cut short (profile:GetDom) is a typo too: names that start with it, shortest first.
  if (target.length >= 4) {
    for (const candidate of candidates) {
      const lower = candidate.toLowerCase();
      if (lower.startsWith(target) && lower !== target && !scored.some((s) => s.name === candidate))
        scored.push({ name: candidate, distance: threshold + 1 + (lower.length - target.length) / 100 });
    }
  }
  scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1));
  return scored.slice(0, max).map((s) => s.name);
}

/** Optimal string alignment distance, stopping early once every cell exceeds the bound. */
export function editDistance(a: string, b: string, bound = Infinity): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > bound) return rowMin;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

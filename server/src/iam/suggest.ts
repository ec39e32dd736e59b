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

/**
 * Optimal string alignment distance, computed only within the band |i - j| <= bound (cells outside it
 * exceed the bound anyway), stopping once a whole row does: O(length × bound), three reused rows.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (!Number.isFinite(bound)) bound = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const width = b.length + 1;
  const far = bound + 1;
  let previous2 = new Int32Array(width).fill(far);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j <= bound ? j : far;
  for (let i = 1; i <= a.length; i++) {
    current.fill(far);
    if (i <= bound) current[0] = i;
    let rowMin = current[0]!;
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = Math.min(value, far);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return rowMin;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return Math.min(previous[b.length]!, far);
}

// V8 holds the hidden classes of objects weakly: one that no living object has for a couple of full
// collections is dropped, and with it the optimised code of every function that was compiled against
// it. Readers made per parse die between documents, and in the CLI so does each document's tree: each
// full collection sent the next analysis back to unoptimised code (the corpus lint took 1.7 times as
// long after one, a YAML template 1.5 times). Keeping a few objects alive keeps their classes.
const samples: object[] = [];
const latest = new Map<object, object>();

/** Keeps `sample` alive for good; call once per class, at module load, with an object built as usual. */
export function keepShape(sample: object): void {
  samples.push(sample);
}

/**
 * Keeps `model` alive until the next call with the same kind (its format): a document's nodes and
 * statements take more shapes (which properties a reader added, in which order) than a sample could
 * list, and the last model of each format has them.
 */
export function keepUntilNext(kind: object, model: object): void {
  latest.set(kind, model);
}

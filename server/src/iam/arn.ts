// ARNs: arn:partition:service:region:account:resource. The one reader of ARN text: splitting into parts
// (policy variables may hold colons), the part under a cursor, matching a Resource pattern against a
// request's ARN (the simulator), and deciding which resource types an ARN pattern can stand for.
// Every function is linear in its input (the template side is a short, fixed ARN format).
import { TextMemo } from './text-memo';
import { hasVariables, scanVariables } from './variables';
import { LITERAL_QUESTION, LITERAL_STAR, cachedWildcard } from './wildcard';

export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
  /** Offsets of each part inside the ARN text (partition, service, region, account, resource). */
  readonly offsets: readonly [number, number, number, number, number];
}

export const ARN_PART_NAMES = ['partition', 'service', 'region', 'account', 'resource'] as const;
export type ArnPartName = (typeof ARN_PART_NAMES)[number];

/** The offsets of the colons that separate the ARN's parts (at most five), skipping colons inside `${…}`. */
function separators(text: string, limit = 5): number[] {
  const found: number[] = [];
  if (!hasVariables(text)) {
    for (let colon = text.indexOf(':'); colon >= 0 && found.length < limit; colon = text.indexOf(':', colon + 1)) found.push(colon);
    return found;
  }
  const variables = scanVariables(text);
  let v = 0;
  for (let i = 0; i < text.length && found.length < limit; i++) {
    const variable = variables[v];
    if (variable && i === variable.start) {
      i = variable.end - 1;
      v++;
      continue;
    }
    if (text.charCodeAt(i) === 58 /* : */) found.push(i);
  }
  return found;
}

const readCache = new TextMemo<ArnParts | undefined>(40_000, (text) => splitArn(text));

/** Splits an ARN at its first five colons outside variables; the resource part keeps any further colons. Memoised (ARNs repeat). */
export function readArn(text: string): ArnParts | undefined {
  if (!text.startsWith('arn:')) return undefined;
  return readCache.get(text);
}

function splitArn(text: string): ArnParts | undefined {
  const colons = separators(text, 5);
  if (colons.length < 5) return undefined;
  const offsets = [colons[0]! + 1, colons[1]! + 1, colons[2]! + 1, colons[3]! + 1, colons[4]! + 1] as const;
  return {
    partition: text.slice(offsets[0], colons[1]),
    service: text.slice(offsets[1], colons[2]),
    region: text.slice(offsets[2], colons[3]),
    account: text.slice(offsets[3], colons[4]),
    resource: text.slice(offsets[4]),
    offsets,
  };
}

/**
 * An ARN pattern as the Resource element takes it: all six parts, or fewer when the last one written
 * ends with `*`, which then covers the rest ("If the * wildcard is the last character of a resource ARN
 * segment, it can expand to match beyond the colon boundaries"): `arn:aws:profile:*` reads as
 * partition aws, service profile, and `*` for region, account and resource.
 */
export function readArnPattern(text: string): ArnParts | undefined {
  const full = readArn(text);
  if (full || !text.startsWith('arn:') || !text.endsWith('*')) return full;
  const colons = separators(text, 5);
  if (colons.length < 2) return undefined;
  const values: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = i < colons.length ? colons[i]! + 1 : text.length;
    const end = i + 1 < colons.length ? colons[i + 1]! : text.length;
    offsets.push(start);
    values.push(i < colons.length ? text.slice(start, end) : '*');
  }
  return {
    partition: values[0]!,
    service: values[1]!,
    region: values[2]!,
    account: values[3]!,
    resource: values[4]!,
    offsets: offsets as unknown as ArnParts['offsets'],
  };
}

/** Which part of a (possibly unfinished) ARN an offset is in, with the text of the parts before it. */
export interface ArnPosition {
  readonly part: ArnPartName;
  /** Offset where that part starts. */
  readonly start: number;
  /** The complete parts before it (partition first). */
  readonly before: readonly string[];
}

export function arnPositionAt(text: string, offset: number): ArnPosition | undefined {
  if (!text.startsWith('arn:') || offset < 4) return undefined;
  const colons = separators(text.slice(0, offset), 5);
  const index = colons.length - 1;
  if (index < 0) return undefined;
  const before: string[] = [];
  for (let i = 0; i < index; i++) before.push(text.slice(colons[i]! + 1, colons[i + 1]));
  return { part: ARN_PART_NAMES[index]!, start: colons[index]! + 1, before };
}

/** The first word of a resource part: `domains` in `domains/retail`, `key` in `key/1234`. */
export function resourceTypeWord(resource: string): string {
  let end = 0;
  while (end < resource.length && resource[end] !== '/' && resource[end] !== ':') end++;
  return resource.slice(0, end);
}

/**
 * The literal start of a resource part, before its first wildcard, variable or placeholder. Two resource
 * parts can only stand for the same resource when their literal starts agree as far as both go.
 */
export function literalStart(resource: string): string {
  return resource.slice(0, literalPrefix(resource));
}

/** Whether two literal starts agree as far as the shorter goes. */
export function startsAgree(a: string, b: string): boolean {
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

/** The `${Placeholder}` names of an ARN template, in order. */
export function templatePlaceholders(template: string): string[] {
  return scanVariables(template)
    .filter((v) => v.closed)
    .map((v) => v.key);
}

// ── matching a Resource pattern against a request's ARN ─────────────────────────────────────────

/**
 * "You can use wildcard characters (* and ?) within the individual segments of an ARN (the parts
 * separated by colons) … If the * wildcard is the last character of a resource ARN segment, it can
 * expand to match beyond the colon boundaries" (IAM User Guide, "IAM JSON policy elements: Resource").
 * So `*` and `?` stay inside their colon-separated segment, except a `*` that ends a segment, which
 * matches any run: `arn:aws:profile:*` covers every profile ARN.
 *
 * ArnLike / ArnEquals condition operators instead check "each of the six colon-delimited components"
 * separately ("Condition operators"): `*` never crosses the five separators, and matches anything in
 * the resource component.
 */
export type ArnMatchMode = 'resource' | 'condition';

type Token =
  { readonly kind: 'char'; readonly code: number } | { readonly kind: 'one'; readonly colon: boolean } | { readonly kind: 'star'; readonly colon: boolean };

/** Pattern tokens; `colon` says whether the wildcard may stand for a colon. Runs of stars become one. */
function patternTokens(pattern: string, mode: ArnMatchMode): Token[] {
  const tokens: Token[] = [];
  let colons = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const inResource = colons >= 5;
    if (c === '*') {
      let j = i;
      while (pattern[j + 1] === '*') j++;
      const endsSegment = j + 1 === pattern.length || pattern[j + 1] === ':';
      tokens.push({ kind: 'star', colon: mode === 'resource' ? endsSegment : inResource });
      i = j;
    } else if (c === '?') {
      tokens.push({ kind: 'one', colon: mode === 'condition' && inResource });
    } else {
      if (c === ':') colons++;
      const literal = c === LITERAL_STAR ? '*' : c === LITERAL_QUESTION ? '?' : c;
      tokens.push({ kind: 'char', code: literal.charCodeAt(0) });
    }
  }
  return tokens;
}

export type ArnMatcher = (arn: string) => boolean;

/**
 * Compiles a pattern (wildcards, and the literal stand-ins of ${*} and ${?}) into a matcher for
 * concrete ARNs. Bit-parallel simulation of the pattern's automaton: each text character costs one
 * pass over the pattern's words of 32 states, so matching is linear in the text, whatever the pattern.
 */
export function compileArnPattern(pattern: string, mode: ArnMatchMode = 'resource'): ArnMatcher {
  if (pattern === '*') return () => true;
  const tokens = patternTokens(pattern, mode);
  // Most patterns are a literal ARN, or a literal head and one final `*`: no automaton for those.
  const wildcards = tokens.filter((t) => t.kind !== 'char').length;
  const literal = (list: readonly Token[]) => String.fromCharCode(...list.map((t) => (t as { code: number }).code));
  if (wildcards === 0 && tokens.length < 4096) {
    const text = literal(tokens);
    return (arn) => arn === text;
  }
  const last = tokens[tokens.length - 1];
  if (wildcards === 1 && last?.kind === 'star' && last.colon && tokens.length < 4096) {
    const head = literal(tokens.slice(0, -1));
    return (arn) => arn.startsWith(head);
  }
  const states = tokens.length + 1;
  const words = Math.ceil(states / 32);
  const starMask = new Uint32Array(words);
  const starColonMask = new Uint32Array(words);
  const oneMask = new Uint32Array(words);
  const oneColonMask = new Uint32Array(words);
  const charMasks = new Map<number, Uint32Array>();
  tokens.forEach((token, i) => {
    const word = i >> 5;
    const bit = 1 << (i & 31);
    if (token.kind === 'star') {
      starMask[word]! |= bit;
      if (token.colon) starColonMask[word]! |= bit;
    } else if (token.kind === 'one') {
      oneMask[word]! |= bit;
      if (token.colon) oneColonMask[word]! |= bit;
    } else {
      let mask = charMasks.get(token.code);
      if (!mask) charMasks.set(token.code, (mask = new Uint32Array(words)));
      mask[word]! |= bit;
    }
  });
  const finalWord = tokens.length >> 5;
  const finalBit = 1 << (tokens.length & 31);
  // One pair of state vectors per compiled pattern: matching is not reentrant, so no allocation per call.
  let state = new Uint32Array(words);
  let next = new Uint32Array(words);
  return (arn) => {
    state.fill(0);
    state[0] = 1;
    closeOverStars(state, starMask, words);
    for (let t = 0; t < arn.length; t++) {
      const code = arn.charCodeAt(t);
      const isColon = code === 58;
      const chars = charMasks.get(code);
      let carry = 0;
      let any = 0;
      for (let w = 0; w < words; w++) {
        const s = state[w]!;
        // Tokens that consume this character and move on: the literal itself, or `?`.
        const advancing = s & ((chars ? chars[w]! : 0) | (isColon ? oneColonMask[w]! : oneMask[w]!));
        // Stars that consume it and stay.
        const staying = s & (isColon ? starColonMask[w]! : starMask[w]!);
        const moved = ((advancing << 1) | carry) >>> 0;
        carry = advancing >>> 31;
        next[w] = moved | staying;
        any |= next[w]!;
      }
      if (!any) return false;
      closeOverStars(next, starMask, words);
      [state, next] = [next, state];
    }
    return (state[finalWord]! & finalBit) !== 0;
  };
}

/** A star may match nothing: every active state on a star also activates the state after it. */
function closeOverStars(state: Uint32Array, starMask: Uint32Array, words: number): void {
  let carry = 0;
  for (let w = 0; w < words; w++) {
    const skipped = state[w]! & starMask[w]!;
    const moved = ((skipped << 1) | carry) >>> 0;
    carry = skipped >>> 31;
    state[w] = state[w]! | moved;
  }
}

const compiledResource = new TextMemo<ArnMatcher>(10_000, (pattern) => compileArnPattern(pattern, 'resource'));
const compiledCondition = new TextMemo<ArnMatcher>(10_000, (pattern) => compileArnPattern(pattern, 'condition'));

/** Does a policy's ARN pattern cover the request's ARN? Compiled matchers are cached (bounded). */
export function arnMatches(pattern: string, arn: string, mode: ArnMatchMode = 'resource'): boolean {
  if (pattern === '*') return true;
  return (mode === 'resource' ? compiledResource : compiledCondition).get(pattern)(arn);
}

// ── which resource types an ARN pattern can stand for ───────────────────────────────────────────

const NO_PATHS: ReadonlySet<string> = new Set();

/**
 * Can an ARN pattern from a policy stand for some resource of this template? The pattern's wildcards
 * follow the Resource rules above, and a policy variable may stand for any run within its segment; a
 * template placeholder stands for one or more characters without `/` (nor `:` before the resource
 * part), except the placeholders named in `paths`, which may hold `/` too (an S3 object key, an IAM
 * role name with its path, a log group name). The account may be left empty: resources that AWS owns
 * are written without one (SSM's public parameters and AWS documents, `arn:aws:ssm:*::document/AWS-…`;
 * Resource Explorer's service views). Decided by a walk of the product of the two automata:
 * O(pattern × template), no backtracking.
 */
export function arnFitsTemplate(arn: string, template: string, paths: ReadonlySet<string> = NO_PATHS): boolean {
  if (isConcrete(arn) && paths.size === 0) return concreteFits(arn, template);
  // An ARN with all six parts: the header parts are decided one by one, the automaton reads only the resource parts.
  const parts = readArn(arn);
  const shape = readArn(template);
  if (!parts || !shape) return automatonFits(arn, template, false, paths);
  for (const name of ARN_PART_NAMES.slice(0, 4) as Array<Exclude<ArnPartName, 'resource'>>) {
    const wanted = shape[name];
    const written = parts[name];
    if (wanted.startsWith('${')) {
      if (written === '' && name !== 'account') return false;
    } else if (!(hasVariables(written) ? automatonFits(written, wanted) : cachedWildcard(written, false)(wanted))) return false;
  }
  const resource = parts.resource;
  // The usual wildcard, `…/*` at the end: some resource of the template must start with the rest.
  if (resource.indexOf('*') === resource.length - 1 && !resource.includes('?') && !hasVariables(resource)) {
    const fits = somePrefixFits(resource.slice(0, -1), shape.resource, paths);
    if (fits !== undefined) return fits;
  }
  // (Not for a resource holding the simulator's stand-ins for a literal `*` or `?`: the automaton reads those as the characters.)
  if (isConcrete(resource) && !resource.includes(LITERAL_STAR) && !resource.includes(LITERAL_QUESTION) && !literalRunsInOrder(resource, shape.resource))
    return false;
  return automatonFits(resource, shape.resource, true, paths);
}

const literalRuns = new Map<string, readonly string[]>();

/**
 * A concrete resource part fits a template only if the template's literal runs (`domains/`,
 * `/object-types/`) appear in it in order, whatever the placeholders take: a linear test that settles
 * most of a service's templates before the walk of the automaton.
 */
function literalRunsInOrder(resource: string, template: string): boolean {
  let runs = literalRuns.get(template);
  if (!runs) {
    if (literalRuns.size > 10_000) literalRuns.clear();
    const found: string[] = [];
    let position = 0;
    for (const variable of scanVariables(template)) {
      if (variable.start > position) found.push(template.slice(position, variable.start));
      position = variable.end;
    }
    if (position < template.length) found.push(template.slice(position));
    literalRuns.set(template, (runs = found));
  }
  let from = 0;
  for (const run of runs) {
    const at = resource.indexOf(run, from);
    if (at < 0) return false;
    from = at + run.length;
  }
  return true;
}

/**
 * Does some value of the template (a resource part) start with this literal text? Placeholders take one
 * or more characters other than `/` (a path placeholder takes any, so whatever is left fits); undefined
 * for a template where a placeholder is followed by something other than `/`, which this single
 * left-to-right pass cannot decide.
 */
function somePrefixFits(prefix: string, template: string, paths: ReadonlySet<string>): boolean | undefined {
  let i = 0;
  let position = 0;
  for (const variable of scanVariables(template)) {
    if (!variable.closed) return undefined;
    if (paths.has(variable.key)) {
      for (let k = position; k < variable.start; k++, i++) {
        if (i === prefix.length) return true;
        if (prefix.charCodeAt(i) !== template.charCodeAt(k)) return false;
      }
      return true;
    }
    const after = template.charCodeAt(variable.end);
    if (variable.end < template.length && after !== SLASH) return undefined;
    for (let k = position; k < variable.start; k++, i++) {
      if (i === prefix.length) return true;
      if (prefix.charCodeAt(i) !== template.charCodeAt(k)) return false;
    }
    // The placeholder: at least one character, up to the next `/`.
    if (i === prefix.length) return true;
    if (prefix.charCodeAt(i) === SLASH) return false;
    while (i < prefix.length && prefix.charCodeAt(i) !== SLASH) i++;
    position = variable.end;
  }
  for (let k = position; k < template.length; k++, i++) {
    if (i === prefix.length) return true;
    if (prefix.charCodeAt(i) !== template.charCodeAt(k)) return false;
  }
  // The template is done; the star may stand for nothing only if the prefix is done too.
  return i === prefix.length;
}

function isConcrete(arn: string): boolean {
  return !arn.includes('*') && !arn.includes('?') && !hasVariables(arn);
}

/** A concrete ARN: literal parts equal, each placeholder one non-empty run without `/` (or `:` before the resource). */
function concreteFits(arn: string, template: string): boolean {
  const parts = readArn(arn);
  const shape = readArn(template);
  if (!parts || !shape) return false;
  const header = (value: string, pattern: string) => (pattern.startsWith('${') ? value.length > 0 : value === pattern);
  if (
    !header(parts.partition, shape.partition) ||
    !header(parts.service, shape.service) ||
    !header(parts.region, shape.region) ||
    !(parts.account === '' || header(parts.account, shape.account))
  )
    return false;
  const segments = parts.resource.split('/');
  const expected = shape.resource.split('/');
  return segments.length === expected.length && segments.every((segment, i) => (expected[i]!.startsWith('${') ? segment.length > 0 : segment === expected[i]));
}

/**
 * The values an ARN gives a template's placeholders, where the ARN writes them out: the ARN
 * `arn:aws:profile:*:111122223333:domains/retail` gives { Account: '111122223333', DomainName: 'retail' }
 * for the domains template. Undefined when the ARN does not have the template's shape.
 */
export function arnTemplateValues(arn: string, template: string): Record<string, string> | undefined {
  const parts = readArn(arn);
  const shape = readArn(template);
  if (!parts || !shape) return undefined;
  const values: Record<string, string> = {};
  const concrete = (text: string) => text !== '' && !text.includes('*') && !text.includes('?') && !hasVariables(text);
  const pair = (value: string, pattern: string): boolean => {
    const placeholder = /^\$\{([A-Za-z0-9]+)\}$/.exec(pattern);
    if (placeholder) {
      if (concrete(value)) values[placeholder[1]!] = value;
      return true;
    }
    return value === pattern || !concrete(value);
  };
  const header = ARN_PART_NAMES.slice(0, 4) as Array<Exclude<ArnPartName, 'resource'>>;
  if (!header.every((name) => pair(parts[name], shape[name]))) return undefined;
  const segments = parts.resource.split('/');
  const expected = shape.resource.split('/');
  if (segments.length !== expected.length || !segments.every((segment, i) => pair(segment, expected[i]!))) return undefined;
  return values;
}

type FitToken = Token | { readonly kind: 'variable' };
type ShapeToken = { readonly kind: 'char'; readonly code: number } | { readonly kind: 'placeholder'; readonly colon: boolean; readonly slash: boolean };

function fitTokens(arn: string): FitToken[] {
  const tokens: FitToken[] = [];
  let position = 0;
  for (const variable of scanVariables(arn)) {
    if (!variable.closed) break;
    tokens.push(...patternTokens(arn.slice(position, variable.start), 'resource'), { kind: 'variable' });
    position = variable.end;
  }
  tokens.push(...patternTokens(arn.slice(position), 'resource'));
  return tokens;
}

function shapeTokens(template: string, resourceOnly: boolean, paths: ReadonlySet<string>): ShapeToken[] {
  const tokens: ShapeToken[] = [];
  let colons = resourceOnly ? 5 : 0;
  let position = 0;
  const literal = (text: string) => {
    for (const c of text) {
      if (c === ':') colons++;
      tokens.push({ kind: 'char', code: c.charCodeAt(0) });
    }
  };
  for (const variable of scanVariables(template)) {
    if (!variable.closed) break;
    literal(template.slice(position, variable.start));
    tokens.push({ kind: 'placeholder', colon: colons >= 5, slash: paths.has(variable.key) });
    position = variable.end;
  }
  literal(template.slice(position));
  return tokens;
}

const SLASH = 47;
const COLON = 58;

/** The literal text before the first wildcard, variable or placeholder. */
function literalPrefix(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */ || (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123) /* { */) break;
    i++;
  }
  return i;
}

const shapes = new Map<string, ShapeToken[]>();

function automatonFits(arn: string, template: string, resourceOnly = false, paths: ReadonlySet<string> = NO_PATHS): boolean {
  // Most templates differ from the pattern in their first literal characters (`domains/` against
  // `integrations/`): that settles it before the walk.
  const common = Math.min(literalPrefix(arn), literalPrefix(template));
  if (arn.slice(0, common) !== template.slice(0, common)) return false;
  const pattern = fitTokens(arn);
  // The same resource part may be a template of several services, whose placeholders differ in paths.
  const shapeKey = `${resourceOnly ? 'r' : 'a'}${paths.size > 0 ? [...paths].join(',') : ''}\u0000${template}`;
  let shape = shapes.get(shapeKey);
  if (!shape) {
    if (shapes.size > 10_000) shapes.clear();
    shape = shapeTokens(template, resourceOnly, paths);
    shapes.set(shapeKey, shape);
  }
  const width = shape.length + 1;
  const seen = new Uint8Array((pattern.length + 1) * width * 2);
  // States are (i, j, open) encoded as ((i * width + j) * 2 + open): open means the placeholder at j
  // has taken at least one character. No allocation per step.
  const stack: number[] = [0];
  const push = (i: number, j: number, open: boolean) => stack.push((i * width + j) * 2 + (open ? 1 : 0));
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (seen[k]) continue;
    seen[k] = 1;
    const open = (k & 1) === 1;
    const i = Math.floor(k / 2 / width);
    const j = (k >> 1) % width;
    if (i === pattern.length && j === shape.length && !open) return true;
    const p = pattern[i];
    const t = shape[j];
    // Moves that consume nothing: a star or variable stands for nothing; a placeholder that has
    // taken a character may end.
    if (p && (p.kind === 'star' || p.kind === 'variable')) push(i + 1, j, open);
    if (t?.kind === 'placeholder' && open) push(i, j + 1, false);
    if (!p || !t) continue;
    const stays = p.kind === 'star' || p.kind === 'variable';
    const nextI = stays ? i : i + 1;
    if (t.kind === 'char') {
      const ok = p.kind === 'char' ? p.code === t.code : t.code !== COLON || (p.kind !== 'variable' && p.colon);
      if (ok) push(nextI, j + 1, false);
    } else {
      // The placeholder takes one more character: the pattern's literal (not `/` but in a path, not
      // `:` in the header) or whatever the wildcard stands for.
      const ok = p.kind !== 'char' || ((t.slash || p.code !== SLASH) && (t.colon || p.code !== COLON));
      if (ok) push(nextI, j, true);
    }
  }
  return false;
}

import { cachedWildcard } from './wildcard';

// ARNs: arn:partition:service:region:account:resource. Parsing, naming the parts, and deciding which
// of a service's resource types an ARN (or ARN pattern with wildcards) can stand for.
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
  /** Offsets of each part inside the ARN text (partition, service, region, account, resource). */
  readonly offsets: readonly [number, number, number, number, number];
}

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** Splits an ARN at its first five colons; the resource part may contain more colons. */
export function parseArn(text: string): ArnParts | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const offsets: number[] = [];
  let position = 4;
  for (let i = 0; i < 4; i++) {
    offsets.push(position);
    const colon = indexOutsideVariables(text, ':', position);
    if (colon < 0) return undefined;
    position = colon + 1;
  }
  offsets.push(position);
  const part = (i: number) => text.slice(offsets[i]!, i < 4 ? offsets[i + 1]! - 1 : text.length);
  return { partition: part(0), service: part(1), region: part(2), account: part(3), resource: part(4), offsets: offsets as unknown as ArnParts['offsets'] };
}

/** indexOf that skips over `${…}` policy variables, which may themselves contain colons. */
function indexOutsideVariables(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) return -1;
      i = close;
    } else if (text[i] === char) return i;
  }
  return -1;
}

/** The `${Placeholder}` names of an ARN template, in order. */
export function templatePlaceholders(template: string): string[] {
  const names: string[] = [];
  let i = template.indexOf('${');
  while (i >= 0) {
    const close = template.indexOf('}', i);
    if (close < 0) break;
    names.push(template.slice(i + 2, close));
    i = template.indexOf('${', close);
  }
  return names;
}

/**
 * Can an ARN pattern from a policy stand for some resource of this template? The pattern's `*` matches
 * any run (crossing `/`), `?` one character, and a policy variable anything; a template placeholder
 * stands for one or more characters without `/` (nor `:` before the resource part). Decided by a
 * breadth-first walk of the product of the two automata: O(pattern × template), no backtracking.
 */
export function arnFitsTemplate(arn: string, template: string): boolean {
  return !/[*?]|\$\{/.test(arn) ? concreteFits(arn, template) : patternFits(arn, template);
}

/** A concrete ARN: literal parts equal, each placeholder one non-empty run without `/` (or `:` before the resource). */
function concreteFits(arn: string, template: string): boolean {
  const parts = parseArn(arn);
  const shape = parseArn(template);
  if (!parts || !shape) return false;
  const header = (value: string, pattern: string) => (pattern.startsWith('${') ? value.length > 0 : value === pattern);
  if (
    !header(parts.partition, shape.partition) ||
    !header(parts.service, shape.service) ||
    !header(parts.region, shape.region) ||
    !header(parts.account, shape.account)
  )
    return false;
  const segments = parts.resource.split('/');
  const expected = shape.resource.split('/');
  return segments.length === expected.length && segments.every((segment, i) => (expected[i]!.startsWith('${') ? segment.length > 0 : segment === expected[i]));
}

/** Header parts decided one by one; only the resource parts need the automaton. */
function patternFits(arn: string, template: string): boolean {
  const pattern = parseArn(arn.replace(/\$\{[^}]*\}/g, '*'));
  const shape = parseArn(template);
  if (!pattern || !shape) return automatonFits(arn, template);
  for (const part of ['partition', 'service', 'region', 'account'] as const) {
    const wanted = shape[part];
    if (wanted.startsWith('${') ? pattern[part] === '' : !cachedWildcard(pattern[part], false)(wanted)) return false;
  }
  return automatonFits(pattern.resource, shape.resource, true);
}

function automatonFits(arn: string, template: string, resourceOnly = false): boolean {
  const pattern = patternTokens(arn);
  const shape = templateTokens(template, resourceOnly);
  const width = shape.length + 1;
  const seen = new Uint8Array((pattern.length + 1) * width * 2);
  // States are encoded as integers ((i * width + j) * 2 + open): no allocation per step.
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
    // Moves that consume nothing: skip a star; close a placeholder that has at least one character.
    if (p?.kind === 'star') push(i + 1, j, open);
    if (t?.kind === 'placeholder' && open) push(i, j + 1, false);
    if (!p || !t) continue;
    const nextI = p.kind === 'star' ? i : i + 1;
    if (t.kind === 'literal') {
      if (p.kind !== 'literal' || p.char === t.char) push(nextI, j + 1, false);
    } else if (p.kind !== 'literal' || !t.excludes.includes(p.char)) {
      push(nextI, j, true);
    }
  }
  return false;
}

type PatternToken = { kind: 'literal'; char: string } | { kind: 'any' } | { kind: 'star' };
type ShapeToken = { kind: 'literal'; char: string } | { kind: 'placeholder'; excludes: string };

function patternTokens(arn: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  for (let i = 0; i < arn.length; i++) {
    const c = arn[i]!;
    if (c === '$' && arn[i + 1] === '{') {
      const close = arn.indexOf('}', i);
      if (close > 0) {
        tokens.push({ kind: 'star' }); // a variable may resolve to anything
        i = close;
        continue;
      }
    }
    tokens.push(c === '*' ? { kind: 'star' } : c === '?' ? { kind: 'any' } : { kind: 'literal', char: c });
  }
  return tokens;
}

function templateTokens(template: string, resourceOnly: boolean): ShapeToken[] {
  const tokens: ShapeToken[] = [];
  let colons = resourceOnly ? 5 : 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '$' && template[i + 1] === '{') {
      const close = template.indexOf('}', i);
      tokens.push({ kind: 'placeholder', excludes: colons < 5 ? ':/' : '/' });
      i = close;
      continue;
    }
    if (c === ':') colons++;
    tokens.push({ kind: 'literal', char: c });
  }
  return tokens;
}

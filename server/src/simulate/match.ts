// Action and ARN matching: actions ignore case; ARNs match part by part, case-sensitively, with `*`
// and `?` inside each part and `*` crossing `/` in the resource part.
import { cachedWildcard } from '../iam/wildcard';

export function actionMatches(pattern: string, action: string): boolean {
  return cachedWildcard(pattern, true)(action);
}

/** ARNs repeat across statements and requests; their parts never change. */
const splitCache = new Map<string, string[] | null>();

function split(arn: string): string[] | undefined {
  let parts = splitCache.get(arn);
  if (parts === undefined) {
    if (splitCache.size > 10_000) splitCache.clear();
    parts = splitArn(arn) ?? null;
    splitCache.set(arn, parts);
  }
  return parts ?? undefined;
}

/** The six colon-separated parts of an ARN (the resource part keeps any further colons). */
function splitArn(arn: string): string[] | undefined {
  const parts: string[] = [];
  let position = 0;
  for (let i = 0; i < 5; i++) {
    const colon = arn.indexOf(':', position);
    if (colon < 0) return undefined;
    parts.push(arn.slice(position, colon));
    position = colon + 1;
  }
  parts.push(arn.slice(position));
  return parts;
}

export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const p = split(pattern);
  const a = split(arn);
  // A pattern with fewer parts than the ARN cannot match it: `*` never crosses a part's colon.
  if (!p || !a) return !p && !a ? cachedWildcard(pattern, false)(arn) : false;
  return p.every((part, i) => (isLiteral(part) ? part === a[i] : cachedWildcard(part, false)(a[i]!)));
}

/** No wildcard and no literal stand-in: a plain comparison will do. */
function isLiteral(part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c === 42 || c === 63 || c === 0xe000 || c === 0xe001) return false;
  }
  return true;
}

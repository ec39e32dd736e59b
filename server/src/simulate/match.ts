// Action and ARN matching: actions ignore case; ARNs match part by part, case-sensitively, with `*`
// and `?` inside each part and `*` crossing `/` in the resource part.
import { compileWildcard } from '../iam/wildcard';

export function actionMatches(pattern: string, action: string): boolean {
  return compileWildcard(pattern, true)(action);
}

/** The six colon-separated parts of an ARN (the resource part keeps any further colons). */
function split(arn: string): string[] | undefined {
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
  if (!p || !a) return !p && !a ? compileWildcard(pattern, false)(arn) : false;
  return p.every((part, i) => compileWildcard(part, false)(a[i]!));
}

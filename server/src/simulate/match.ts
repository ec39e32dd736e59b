// Action matching for the engine: actions ignore case ("IAM JSON policy elements: Action"). ARNs are
// matched by the one ARN reader (iam/arn.ts), which follows the Resource page's wildcard rules.
import { cachedWildcard } from '../iam/wildcard';

export function actionMatches(pattern: string, action: string): boolean {
  return cachedWildcard(pattern, true)(action);
}

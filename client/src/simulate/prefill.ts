// What the simulation's resource question offers first, as a function of the target alone (no editor),
// so that a test can read it.
import { readArn } from '../../../server/src/iam/arn';
import type { SimulationTarget } from '../../../server/src/protocol';

/** A Customer Profiles domain, for a policy that names no ARN of the action's service when it is Customer Profiles. */
const PROFILE_EXAMPLE = 'arn:aws:profile:us-east-1:111122223333:domains/${DomainName}';

/**
 * The resource to offer for the action: "*" for one that acts on no resource type; else the answer
 * given in an earlier run, or the policy's first ARN, of the action's own service (an IAM role's ARN is
 * no resource of cloudwatch:PutMetricData); else "*" for another service, whose ARNs the policy does not show.
 */
export function resourceToOffer(target: Pick<SimulationTarget, 'resources' | 'actionInfo'>, action: string | undefined, remembered?: string): string {
  if (action !== undefined && target.actionInfo[action]?.noResource) return '*';
  const service = action?.slice(0, action.indexOf(':')).toLowerCase();
  const fits = (arn: string) => service === undefined || readArn(arn)?.service.toLowerCase() === service;
  if (remembered !== undefined && fits(remembered)) return remembered;
  const written = target.resources.find(fits);
  if (written) return written;
  return fits(PROFILE_EXAMPLE) ? PROFILE_EXAMPLE : '*';
}

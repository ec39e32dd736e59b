// Short explanations of the policy elements, for completion details and hover.

const GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements';

export interface ElementDoc {
  readonly summary: string;
  readonly url: string;
}

export const ELEMENT_DOCS: Readonly<Record<string, ElementDoc>> = {
  Version: {
    summary: 'The policy language version. Always use `2012-10-17`: older versions treat policy variables as literal text.',
    url: `${GUIDE}_version.html`,
  },
  Id: {
    summary: 'An optional identifier for the policy, used by some resource policies (for example SQS). Not used in identity policies.',
    url: `${GUIDE}_id.html`,
  },
  Statement: {
    summary: 'The list of statements. Each statement allows or denies actions on resources, under optional conditions.',
    url: `${GUIDE}_statement.html`,
  },
  Sid: { summary: 'An optional statement id (letters and digits in identity policies), unique within the policy.', url: `${GUIDE}_sid.html` },
  Effect: { summary: '`Allow` or `Deny`. An explicit Deny always wins over any Allow.', url: `${GUIDE}_effect.html` },
  Principal: { summary: 'Who the statement applies to. Only in resource and trust policies, never in identity policies.', url: `${GUIDE}_principal.html` },
  NotPrincipal: { summary: 'Everyone except the listed principals. Only in resource policies; avoid with Allow.', url: `${GUIDE}_notprincipal.html` },
  Action: {
    summary: 'The actions the statement covers, as `service:ActionName`; `*` and `?` are wildcards, and names are case-insensitive.',
    url: `${GUIDE}_action.html`,
  },
  NotAction: {
    summary: 'Every action **except** the ones listed, in every service. With Allow this grants far more than it seems.',
    url: `${GUIDE}_notaction.html`,
  },
  Resource: {
    summary: 'The resources the statement covers, as ARNs; `*` and `?` are wildcards within each ARN part. Use `"*"` for actions that take no resource.',
    url: `${GUIDE}_resource.html`,
  },
  NotResource: { summary: 'Every resource **except** the ones listed. With Allow this grants far more than it seems.', url: `${GUIDE}_notresource.html` },
  Condition: {
    summary:
      'When the statement applies: `{ Operator: { ConditionKey: value or [values] } }`. Operators are ANDed, keys under an operator are ANDed, values of a key are ORed.',
    url: `${GUIDE}_condition.html`,
  },
};

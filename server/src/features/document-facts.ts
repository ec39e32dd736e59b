// Values the user already wrote elsewhere in the document (partitions, regions, accounts, domain
// names, tag keys, condition values), offered again by completion. Computed once per analysis.
import { readArn } from '../iam/arn';
import { hasVariables } from '../iam/variables';
import { hasWildcard } from '../iam/wildcard';
import type { PolicyDocument } from '../model/document';
import { elementValues } from '../model/policy';
import { scalarText } from '../model/tree';

export interface DocumentFacts {
  readonly partitions: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly accounts: ReadonlySet<string>;
  readonly domainNames: ReadonlySet<string>;
  readonly tagKeys: ReadonlySet<string>;
  /** lower-case condition key → values used with it */
  readonly conditionValues: ReadonlyMap<string, ReadonlySet<string>>;
}

const cache = new WeakMap<PolicyDocument, DocumentFacts>();

export function documentFacts(document: PolicyDocument): DocumentFacts {
  const cached = cache.get(document);
  if (cached) return cached;
  const facts = {
    partitions: new Set<string>(),
    regions: new Set<string>(),
    accounts: new Set<string>(),
    domainNames: new Set<string>(),
    tagKeys: new Set<string>(),
    conditionValues: new Map<string, Set<string>>(),
  };
  const concrete = (s: string) => s.length > 0 && !hasWildcard(s) && !hasVariables(s);
  for (const policy of document.policies) {
    for (const statement of policy.statements) {
      for (const node of [...elementValues(statement, 'Resource'), ...elementValues(statement, 'NotResource')]) {
        const arn = node.kind === 'string' ? readArn(node.value) : undefined;
        if (!arn) continue;
        if (concrete(arn.partition)) facts.partitions.add(arn.partition);
        if (concrete(arn.region)) facts.regions.add(arn.region);
        if (concrete(arn.account)) facts.accounts.add(arn.account);
        const domain = arn.service === 'profile' ? arn.resource.split('/')[1] : undefined;
        if (domain && concrete(domain)) facts.domainNames.add(domain);
      }
      for (const operator of statement.conditions) {
        for (const entry of operator.keys) {
          const key = entry.key.value;
          const slash = key.indexOf('/');
          if (slash > 0 && /^aws:(RequestTag|ResourceTag|PrincipalTag)$/i.test(key.slice(0, slash))) facts.tagKeys.add(key.slice(slash + 1));
          const values = facts.conditionValues.get(key.toLowerCase()) ?? new Set<string>();
          for (const value of entry.values) {
            const text = scalarText(value);
            if (text !== undefined) values.add(text);
            if (key.toLowerCase() === 'aws:tagkeys' && text) facts.tagKeys.add(text);
          }
          facts.conditionValues.set(key.toLowerCase(), values);
        }
      }
    }
  }
  cache.set(document, facts);
  return facts;
}

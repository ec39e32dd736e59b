// Values the user already wrote elsewhere in the document (partitions, regions, accounts, the names in
// resource ARNs, tag keys, condition values), offered again by completion. Computed once per analysis.
import type { Catalog } from '../catalog/catalog';
import { arnTemplateValues, readArn } from '../iam/arn';
import { readConditionKey } from '../iam/condition-keys';
import { hasVariables } from '../iam/variables';
import { hasWildcard } from '../iam/wildcard';
import type { PolicyDocument } from '../model/document';
import { elementValues } from '../model/policy';
import { scalarText } from '../model/tree';

export interface DocumentFacts {
  readonly partitions: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly accounts: ReadonlySet<string>;
  /** ARN template placeholder → the values the document's ARNs give it (DomainName → retail, …). */
  readonly placeholderValues: ReadonlyMap<string, ReadonlySet<string>>;
  readonly tagKeys: ReadonlySet<string>;
  /** lower-case condition key → values used with it */
  readonly conditionValues: ReadonlyMap<string, ReadonlySet<string>>;
}

const cache = new WeakMap<Catalog, WeakMap<PolicyDocument, DocumentFacts>>();

export function documentFacts(document: PolicyDocument, catalog: Catalog): DocumentFacts {
  let perCatalog = cache.get(catalog);
  if (!perCatalog) cache.set(catalog, (perCatalog = new WeakMap()));
  const cached = perCatalog.get(document);
  if (cached) return cached;
  const facts = computeFacts(document, catalog);
  perCatalog.set(document, facts);
  return facts;
}

function computeFacts(document: PolicyDocument, catalog: Catalog): DocumentFacts {
  const facts = {
    partitions: new Set<string>(),
    regions: new Set<string>(),
    accounts: new Set<string>(),
    placeholderValues: new Map<string, Set<string>>(),
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
        const types = concrete(arn.service) ? (catalog.service(arn.service)?.resourceTypes ?? []) : [];
        for (const type of types) {
          const values = arnTemplateValues((node as { value: string }).value, type.arn);
          for (const [name, value] of Object.entries(values ?? {})) {
            if (name === 'Partition' || name === 'Region' || name === 'Account') continue;
            const set = facts.placeholderValues.get(name) ?? new Set<string>();
            set.add(value);
            facts.placeholderValues.set(name, set);
          }
        }
      }
      for (const operator of statement.conditions) {
        for (const entry of operator.keys) {
          const key = entry.key.value;
          const name = readConditionKey(key);
          if (name.tagName) facts.tagKeys.add(name.tagName);
          const values = facts.conditionValues.get(key.toLowerCase()) ?? new Set<string>();
          for (const value of entry.values) {
            const text = scalarText(value);
            if (text !== undefined) values.add(text);
            if (name.tag === 'keys' && text) facts.tagKeys.add(text);
          }
          facts.conditionValues.set(key.toLowerCase(), values);
        }
      }
    }
  }
  return facts;
}

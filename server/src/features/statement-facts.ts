// What a statement's actions accept: the profile actions it names (wildcards expanded), their
// resource types, and the condition keys that apply to them.
import type { Catalog } from '../catalog/catalog';
import type { ProfileAction } from '../catalog/types';
import { parseAction } from '../iam/action';
import { elementValues, type Statement } from '../model/policy';

export interface StatementActions {
  /** profile actions covered by Action (not NotAction). */
  readonly profileActions: readonly ProfileAction[];
  /** Whether the statement names actions of other services too. */
  readonly otherServices: boolean;
  /** The statement covers every action (`*`, `profile:*` or NotAction). */
  readonly broad: boolean;
}

/** Rules and features ask the same statement several times per analysis: compute once. */
const memo = new WeakMap<Statement, StatementActions>();

export function statementActions(statement: Statement | undefined, catalog: Catalog): StatementActions {
  if (!statement) return { profileActions: [], otherServices: false, broad: false };
  const cached = memo.get(statement);
  if (cached) return cached;
  const computed = computeActions(statement, catalog);
  memo.set(statement, computed);
  return computed;
}

function computeActions(statement: Statement, catalog: Catalog): StatementActions {
  const found = new Map<string, ProfileAction>();
  let otherServices = false;
  let broad = statement.elements.NotAction !== undefined;
  for (const node of elementValues(statement, 'Action')) {
    if (node.kind !== 'string') continue;
    const parsed = parseAction(node.value);
    if (parsed.kind === 'all') {
      broad = true;
      continue;
    }
    if (parsed.kind !== 'action') continue;
    const matches = catalog.matchActions(parsed.service, parsed.name);
    if (matches.some((m) => m.service !== 'profile')) otherServices = true;
    if (parsed.wildcard && matches.length === catalog.profile.actions.length) broad = true;
    for (const match of matches) {
      if (match.service !== 'profile') continue;
      const action = catalog.profileAction(match.action);
      if (action) found.set(action.name, action);
    }
  }
  return { profileActions: [...found.values()], otherServices, broad };
}

/** Condition keys the statement's profile actions support: action keys and their resource types' keys. */
export function supportedConditionKeys(actions: readonly ProfileAction[], catalog: Catalog): Map<string, ProfileAction[]> {
  const keys = new Map<string, ProfileAction[]>();
  const add = (key: string, action: ProfileAction) => {
    const list = keys.get(key) ?? [];
    if (!list.includes(action)) list.push(action);
    keys.set(key, list);
  };
  for (const action of actions) {
    for (const key of action.conditionKeys) add(key, action);
    for (const type of action.resourceTypes) {
      for (const key of type.conditionKeys) add(key, action);
      for (const key of catalog.resourceType(type.name)?.conditionKeys ?? []) add(key, action);
    }
  }
  return keys;
}

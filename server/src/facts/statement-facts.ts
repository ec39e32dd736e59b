// What a statement's actions accept, shared by rules and features: the actions it names (wildcards
// expanded) of services known in depth, their resource types, and the condition keys that apply.
import type { Catalog, ConditionKeyInfo, MatchedAction } from '../catalog/catalog';
import type { ActionInfo, ResourceTypeInfo } from '../catalog/types';
import type { CatalogDerived, ParsedAction } from '../iam/action';
import { actionEntries, elementValues, type Statement } from '../model/policy';
import { keepShape } from '../iam/shapes';

/**
 * Beyond this many services (`*:Get*` names hundreds), what a feature would say of each action is too
 * much to read or show: features and checks that list per-action facts say nothing for the statement,
 * and no service file is read for it.
 */
export const MANY_SERVICES = 25;

export function namesManyServices(facts: StatementActions): boolean {
  return facts.services.length > MANY_SERVICES;
}

export interface StatementActions {
  /**
   * Actions covered by Action (not NotAction), of the services known in depth, in catalogue order. Built
   * on first use: most statements need only the services and flags below, and reading each action of
   * `ec2:Describe*` for them would cost more than the rest of the analysis.
   */
  readonly actions: readonly ActionInfo[];
  /** The services (lower-case prefixes) the Action entries name, known ones only. */
  readonly services: readonly string[];
  /** Some Action entry is not a plain string, is malformed, matches nothing, or names a service known by name only: checks that need every action's data hold back. */
  readonly shallow: boolean;
  /** The statement covers every action (`*`, NotAction) or every action of a service (`s3:*`). */
  readonly broad: boolean;
  /** Every service the Action entries name has reviewed data (Catalog.reviewed): checks that call an ARN or key useless for the actions may judge. */
  readonly reviewed: boolean;
}

const EMPTY: StatementActions = { actions: [], services: [], shallow: false, broad: false, reviewed: false };

/** Rules and features ask the same statement several times per analysis: computed once per statement and catalogue, and kept on the statement. */
export function statementActions(statement: Statement | undefined, catalog: Catalog): StatementActions {
  if (!statement) return EMPTY;
  // Only this module writes the slot.
  const kept = statement.actionFacts as NamedActions | undefined;
  if (kept?.catalog === catalog) return kept;
  const computed = computeActions(statement, catalog);
  statement.actionFacts = computed;
  return computed;
}

/** What one Action entry stands for; the same entries recur across statements and documents, so it is kept on the entry's parse. */
class EntryFacts implements CatalogDerived {
  readonly services: string[] = [];
  /** The one service it names, if one: most entries name one, and the statement's loop reads only this object. */
  readonly service: string | undefined;
  readonly shallow: boolean;
  /** It covers every action of a service (`profile:*`, `s3:*`). */
  readonly whole: boolean = false;
  private built: readonly ActionInfo[] | undefined;

  constructor(
    private readonly matches: readonly MatchedAction[],
    readonly catalog: Catalog,
    wildcard: boolean,
  ) {
    let shallow = matches.length === 0;
    // Matches come grouped by service.
    let start = 0;
    while (start < matches.length) {
      const service = matches[start]!.service;
      let end = start;
      while (end < matches.length && matches[end]!.service === service) end++;
      this.services.push(service);
      if (!catalog.hasDepth(service)) shallow = true;
      if (wildcard && end - start === catalog.serviceIndex(service)?.actions.length) this.whole = true;
      start = end;
    }
    this.shallow = shallow;
    this.service = this.services.length === 1 ? this.services[0] : undefined;
  }

  /** The matched actions of services in depth (the index and the files come from one generator run, so each is there). */
  get actions(): readonly ActionInfo[] {
    this.built ??= this.matches.flatMap((match) => (this.catalog.hasDepth(match.service) ? (this.catalog.action(match.service, match.action) ?? []) : []));
    return this.built;
  }
}

function entryFacts(parsed: ParsedAction & { readonly kind: 'action' }, catalog: Catalog): EntryFacts {
  // Only this module writes the slot.
  const kept = parsed.facts as EntryFacts | undefined;
  if (kept?.catalog === catalog) return kept;
  const facts = new EntryFacts(catalog.matchesOf(parsed), catalog, parsed.wildcard);
  parsed.facts = facts;
  return facts;
}

function computeActions(statement: Statement, catalog: Catalog): NamedActions {
  const named: EntryFacts[] = [];
  const services = new Set<string>();
  let shallow = false;
  let broad = statement.elements.NotAction !== undefined;
  let last: string | undefined;
  const entries = actionEntries(statement, 'Action');
  // An entry that is not a string (a reference, an Fn::If) may stand for any action.
  if (entries.length !== elementValues(statement, 'Action').length) shallow = true;
  for (const { parsed } of entries) {
    if (parsed.kind === 'all') {
      broad = true;
      continue;
    }
    if (parsed.kind !== 'action') {
      shallow = true;
      continue;
    }
    const facts = entryFacts(parsed, catalog);
    named.push(facts);
    // Lists run by service (`s3:GetObject`, `s3:PutObject`, …): a set look-up only when it changes.
    const one = facts.service;
    if (one === undefined || one !== last) for (const service of facts.services) services.add(service);
    last = one;
    if (facts.shallow) shallow = true;
    // A wildcard that covers a whole service is as broad as `*` for that service.
    if (facts.whole) broad = true;
  }
  const reviewed = services.size > 0 && [...services].every((service) => catalog.reviewed(service));
  const facts = new NamedActions(catalog, named, [...services], shallow, broad, reviewed);
  if (!namedActionsKept) {
    // The first one is kept as the class's sample (see keepShape): a sample needs a catalogue.
    keepShape(facts);
    namedActionsKept = true;
  }
  return facts;
}

let namedActionsKept = false;

/** A statement's facts, its actions read from its entries on first use. */
class NamedActions implements StatementActions, CatalogDerived {
  private built: readonly ActionInfo[] | undefined;

  constructor(
    readonly catalog: Catalog,
    // Let go once the actions are built: a template holds thousands of these.
    private named: readonly EntryFacts[] | undefined,
    readonly services: readonly string[],
    readonly shallow: boolean,
    readonly broad: boolean,
    readonly reviewed: boolean,
  ) {}

  get actions(): readonly ActionInfo[] {
    if (!this.built) {
      const named = this.named ?? [];
      if (named.length === 1) this.built = named[0]!.actions;
      else {
        const found = new Set<ActionInfo>();
        for (const facts of named) for (const action of facts.actions) found.add(action);
        this.built = [...found];
      }
      this.named = undefined;
    }
    return this.built;
  }
}

/** The resource type an action names, from its own service (the data names types within the service). */
export function actionResourceType(action: ActionInfo, name: string, catalog: Catalog): ResourceTypeInfo | undefined {
  return catalog.service(action.service)?.resourceType(name);
}

/** The services whose ARNs the actions' resource types take: mostly their own, sometimes another's (iam roles, …). */
export function resourceServices(actions: readonly ActionInfo[], catalog: Catalog): Set<string> {
  const services = new Set<string>();
  for (const action of actions) {
    services.add(action.service);
    for (const type of action.resourceTypes) {
      const service = actionResourceType(action, type.name, catalog)?.arnService;
      if (service) services.add(service);
    }
  }
  return services;
}

/** The actions that belong to a service or take its resources: those an ARN of that service concerns. */
export function actionsConcerning(service: string, actions: readonly ActionInfo[], catalog: Catalog): ActionInfo[] {
  return actions.filter((a) => a.service === service || a.resourceTypes.some((r) => actionResourceType(a, r.name, catalog)?.arnService === service));
}

/** Condition keys the statement's actions support: action keys and their resource types' keys. */
export function supportedConditionKeys(actions: readonly ActionInfo[], catalog: Catalog): Map<string, ActionInfo[]> {
  const keys = new Map<string, ActionInfo[]>();
  const add = (key: string, action: ActionInfo) => {
    const list = keys.get(key) ?? [];
    if (!list.includes(action)) list.push(action);
    keys.set(key, list);
  };
  for (const action of actions) {
    for (const key of action.conditionKeys) add(key, action);
    for (const type of action.resourceTypes) {
      for (const key of type.conditionKeys) add(key, action);
      for (const key of actionResourceType(action, type.name, catalog)?.conditionKeys ?? []) add(key, action);
    }
  }
  return keys;
}

/**
 * Whether the action acts on no resource type, so its requests are for "*" (profile:ListDomains). Trusted
 * only where the service's data is reviewed: AWS's own service roles name ARNs for actions the Service
 * Authorization Reference lists without one (fsx:DescribeBackups). One judgement for
 * resource-star-needed, the simulation's resource question and its request check.
 */
export function takesNoResource(action: ActionInfo, catalog: Catalog): boolean {
  return action.resourceTypes.length === 0 && catalog.reviewed(action.service);
}

/**
 * Whether requests for these actions can carry a key: false only for a tag key (aws:RequestTag/…,
 * aws:ResourceTag/…, aws:TagKeys) that none of them supports. Undefined where that cannot be judged:
 * an action of a service whose data is not reviewed, or no actions. One judgement for
 * condition-key-unsupported, the simulation's questions and its request check.
 */
export function tagKeyCarried(actions: readonly ActionInfo[], catalog: Catalog): ((info: ConditionKeyInfo) => boolean) | undefined {
  if (actions.length === 0 || !actions.every((action) => catalog.reviewed(action.service))) return undefined;
  // Built on first need, in lower case: most keys are not tag keys.
  let supported: ReadonlySet<string> | undefined;
  return (info) =>
    (info.tag !== 'request' && info.tag !== 'resource' && info.tag !== 'keys') ||
    (supported ??= new Set([...supportedConditionKeys(actions, catalog).keys()].map((k) => k.toLowerCase()))).has(info.name.toLowerCase());
}

/** tagKeyCarried for a statement's actions, where they are all known (none shallow, none broad). */
export function statementCarriesTagKey(facts: StatementActions, catalog: Catalog): ((info: ConditionKeyInfo) => boolean) | undefined {
  return facts.reviewed && !facts.shallow && !facts.broad ? tagKeyCarried(facts.actions, catalog) : undefined;
}

// Queries over the generated service data. The only module that knows AWS's service data: every
// service's action names and access levels (a compact index, bundled), the global condition keys, and
// services in depth (actions with descriptions, resource types, condition keys), each read from its own
// file the first time a document needs it. Names are looked up case-insensitively, as IAM does.
import { readArn } from '../iam/arn';
import { readConditionKey, type TagKeyKind } from '../iam/condition-keys';
import { ownCopy, TextMemo } from '../iam/text-memo';
import { cachedWildcard, hasWildcard } from '../iam/wildcard';
import { arnFitsTemplate, literalStart, startsAgree } from '../iam/arn';
import { ServiceModel } from './service';
import type { ActionIndexData, ActionInfo, GlobalConditionKey, GlobalKeysData, ResourceTypeInfo, ServiceFile } from './types';

export type AccessLetter = 'L' | 'R' | 'W' | 'T' | 'P';

/** The index's one-letter access levels (the most powerful flag of an action, as the generator picks). */
const LEVEL_NAMES: Record<string, string> = { L: 'List', R: 'Read', W: 'Write', T: 'Tagging', P: 'Permissions management' };

export const ACCESS_LEVEL_ORDER = ['List', 'Read', 'Write', 'Tagging', 'Permissions management'];

export function accessLevelName(letter: string): string {
  return LEVEL_NAMES[letter] ?? 'Write';
}

/** The service offered first and used where nothing else is known: Amazon Connect Customer Profiles. */
export const DEFAULT_SERVICE = 'profile';

export interface ConditionKeyInfo {
  /** The key as the data names it (tag keys with their ${TagKey} placeholder). */
  readonly name: string;
  readonly type: string;
  readonly multivalued: boolean;
  readonly scope: 'global' | 'service';
  /** For the global tag keys: which tags they are about. */
  readonly tag: TagKeyKind | undefined;
  /** AWS's description, where the data has one. */
  readonly description?: string;
  /** Global keys: request, session, principal, … */
  readonly category?: string;
  /** A multivalued key that AWS also compares as a single value: a set qualifier is optional. */
  readonly qualifierOptional?: boolean;
}

export interface ServiceActions {
  readonly prefix: string;
  readonly name: string;
  readonly actions: readonly string[];
  readonly levels: string;
  /** lower-case action name → index into actions */
  readonly byLowerName: ReadonlyMap<string, number>;
}

export interface MatchedAction {
  readonly service: string;
  readonly action: string;
  /** Its place in the service's index (for its access letter). */
  readonly index: number;
}

/** Where the catalogue's data comes from: the bundled index and keys, and a reader for service files. */
export interface CatalogSource {
  readonly index: ActionIndexData;
  readonly globalKeys: GlobalKeysData;
  /** The services that have a file in depth. */
  readonly inDepth: readonly string[];
  /** Reads one service's file; called at most once per service. */
  load(prefix: string): ServiceFile | undefined;
}

export class Catalog {
  readonly globalKeys: readonly GlobalConditionKey[];
  private readonly index: ActionIndexData;
  private readonly inDepth: ReadonlySet<string>;
  private readonly indexes = new Map<string, ServiceActions>();
  private readonly models = new Map<string, ServiceModel | null>();
  private readonly globalByLowerName: ReadonlyMap<string, GlobalConditionKey>;
  private readonly tagListsOptional: ReadonlySet<string>;
  private readonly legacyActions: ReadonlyMap<string, string>;
  private readonly reviewedServices: ReadonlySet<string>;

  constructor(private readonly source: CatalogSource) {
    this.index = source.index;
    this.globalKeys = source.globalKeys.keys;
    this.inDepth = new Set(source.inDepth);
    this.globalByLowerName = new Map(this.globalKeys.map((k) => [k.name.toLowerCase(), k]));
    this.tagListsOptional = new Set((source.index.tagListOptional ?? []).map((a) => a.toLowerCase()));
    this.legacyActions = new Map(Object.entries(source.index.legacyActions ?? {}).map(([action, why]) => [action.toLowerCase(), why]));
    this.reviewedServices = new Set(source.index.reviewed ?? []);
  }

  get servicePrefixes(): string[] {
    return Object.keys(this.index.services);
  }

  /** The services read so far (for tests and troubleshooting: loading one must not load the others). */
  get loadedServices(): string[] {
    return [...this.models.keys()].filter((prefix) => this.models.get(prefix));
  }

  /** The index's entry for a prefix: its own keys only (a prefix such as `constructor` is no service). */
  private indexEntry(key: string) {
    return Object.hasOwn(this.index.services, key) ? this.index.services[key] : undefined;
  }

  /** The service's action names, split from the compact index the first time they are asked for. */
  serviceIndex(prefix: string): ServiceActions | undefined {
    const key = prefix.toLowerCase();
    const cached = this.indexes.get(key);
    if (cached) return cached;
    const entry = this.indexEntry(key);
    if (!entry) return undefined;
    const actions = entry.actions.split(' ');
    const byLowerName = new Map<string, number>();
    actions.forEach((name, i) => byLowerName.set(name.toLowerCase(), i));
    // Its own key: the prefix may be cut from a document, which the catalogue outlives (see ownCopy).
    const own = ownCopy(key);
    const service: ServiceActions = { prefix: own, name: entry.name, actions, levels: entry.levels, byLowerName };
    this.indexes.set(own, service);
    return service;
  }

  serviceName(prefix: string): string | undefined {
    return this.indexEntry(prefix.toLowerCase())?.name;
  }

  /**
   * Whether the service's per-action resource types and condition keys were reviewed (without reading its
   * file). Elsewhere the Service Authorization Reference's per-action lists are too often incomplete to
   * call an ARN or a key useless for an action: AWS's own service roles name ARNs for actions it lists
   * without resource types.
   */
  reviewed(prefix: string): boolean {
    return this.reviewedServices.has(prefix.toLowerCase());
  }

  /** Whether the service is known in depth (without reading its file). */
  hasDepth(prefix: string): boolean {
    return this.inDepth.has(prefix.toLowerCase());
  }

  /** The service in depth, read on first use; undefined for services known by name only. */
  service(prefix: string): ServiceModel | undefined {
    const key = prefix.toLowerCase();
    const cached = this.models.get(key);
    if (cached !== undefined) return cached ?? undefined;
    // Only the services the catalogue has are remembered, under a key of their own: any other prefix
    // comes from a document, and remembering it would hold that document and grow without bound.
    if (!this.inDepth.has(key)) return undefined;
    const file = this.source.load(key);
    const model = file ? new ServiceModel(file) : null;
    this.models.set(ownCopy(key), model);
    return model ?? undefined;
  }

  action(prefix: string, name: string): ActionInfo | undefined {
    return this.service(prefix)?.action(name);
  }

  /** The canonical spelling of service:name, or undefined when the service has no such action. */
  canonicalAction(prefix: string, name: string): string | undefined {
    const service = this.serviceIndex(prefix);
    const i = service?.byLowerName.get(name.toLowerCase());
    return service && i !== undefined ? service.actions[i] : undefined;
  }

  /** A Tagging action whose tag list may be left out (ec2:DeleteTags then deletes every tag): its requests may lack aws:TagKeys. */
  tagListOptional(prefix: string, name: string): boolean {
    return this.tagListsOptional.has(`${prefix.toLowerCase()}:${name.toLowerCase()}`);
  }

  /** An action no operation checks that AWS still writes into policies: why it is seen (case ignored). */
  legacyAction(prefix: string, name: string): string | undefined {
    return this.legacyActions.get(`${prefix.toLowerCase()}:${name.toLowerCase()}`);
  }

  /** The access level of a known action, by the index ("Tagging, Write" counts as Tagging). */
  accessLevel(prefix: string, name: string): string | undefined {
    const service = this.serviceIndex(prefix);
    const i = service?.byLowerName.get(name.toLowerCase());
    return service && i !== undefined ? accessLevelName(service.levels[i]!) : undefined;
  }

  private readonly typesByArn = new TextMemo<readonly ResourceTypeInfo[]>(40_000, (arn) => this.computeResourceTypes(arn));

  /** The resource types of the ARN's service that an ARN (wildcards and variables allowed) can stand for; memoised per ARN. */
  resourceTypesOf(arn: string): readonly ResourceTypeInfo[] {
    return this.typesByArn.get(arn);
  }

  private computeResourceTypes(arn: string): readonly ResourceTypeInfo[] {
    const service = arnService(arn);
    const model = service && !hasWildcard(service) ? this.service(service) : undefined;
    if (!model) return [];
    // A service has up to hundreds of types: those whose resource part starts otherwise are out at once.
    const resource = readArn(arn)?.resource;
    const start = resource === undefined ? undefined : literalStart(resource);
    return model.resourceTypes.filter((t) => (start === undefined || startsAgree(start, t.start)) && arnFitsTemplate(arn, t.arn, t.paths));
  }

  globalKey(name: string): GlobalConditionKey | undefined {
    return this.globalByLowerName.get(name.toLowerCase());
  }

  /**
   * What the data says of a condition key, tag keys resolved to their ${TagKey} pattern (names ignore
   * case); 'malformed' for a tag key without its tag name; undefined for a key the data does not know.
   */
  conditionKey(key: string): ConditionKeyInfo | 'malformed' | undefined {
    // Policies repeat the same few keys: decided once per text.
    return this.keyInfos.get(key);
  }

  private readonly keyInfos = new TextMemo<ConditionKeyInfo | 'malformed' | undefined>(20_000, (key) => this.readKey(key));

  private readKey(key: string): ConditionKeyInfo | 'malformed' | undefined {
    const parsed = readConditionKey(key);
    if (parsed.tag && parsed.malformed) return 'malformed';
    if (parsed.prefix === '') return undefined;
    if (parsed.prefix === 'aws') {
      const global = this.globalKey(parsed.pattern);
      if (!global) return undefined;
      return {
        name: global.name,
        type: global.type,
        multivalued: global.multivalued,
        scope: 'global',
        tag: parsed.tag,
        category: global.category,
        ...(global.description ? { description: global.description } : {}),
      };
    }
    const known = this.service(parsed.prefix)?.conditionKey(key);
    if (!known) return undefined;
    return {
      name: known.name,
      type: known.type,
      multivalued: known.type.startsWith('ArrayOf'),
      scope: 'service',
      tag: undefined,
      description: known.description,
      ...(known.qualifierOptional ? { qualifierOptional: true } : {}),
    };
  }

  private readonly matchCache = new Map<string, readonly MatchedAction[]>();
  private readonly matchByParse = new WeakMap<object, readonly MatchedAction[]>();

  /** matchActions for a parsed Action entry, remembered by the parse (parses are memoised per text). */
  matchesOf(parsed: { readonly service: string; readonly name: string }): readonly MatchedAction[] {
    let found = this.matchByParse.get(parsed);
    if (!found) {
      found = this.matchActions(parsed.service, parsed.name);
      this.matchByParse.set(parsed, found);
    }
    return found;
  }

  /** Every known action that `service:name` (wildcards allowed in both parts) stands for; memoised. */
  matchActions(servicePattern: string, namePattern: string): readonly MatchedAction[] {
    const key = `${servicePattern}:${namePattern}`.toLowerCase();
    let found = this.matchCache.get(key);
    if (!found) {
      // Bounded, but big enough for every distinct action of AWS's managed policies (about 13,000).
      if (this.matchCache.size > 50_000) this.matchCache.clear();
      found = this.computeMatches(servicePattern, namePattern);
      this.matchCache.set(ownCopy(key), found);
    }
    return found;
  }

  private computeMatches(servicePattern: string, namePattern: string): MatchedAction[] {
    const found: MatchedAction[] = [];
    // The catalogue's own prefix strings: the answer is memoised, and the pattern may be cut from a document.
    const known = hasWildcard(servicePattern) ? undefined : this.serviceIndex(servicePattern);
    const prefixes = hasWildcard(servicePattern) ? this.servicePrefixes.filter(cachedWildcard(servicePattern, true)) : known ? [known.prefix] : [];
    const matchName = cachedWildcard(namePattern, true);
    for (const prefix of prefixes) {
      const service = this.serviceIndex(prefix)!;
      if (!hasWildcard(namePattern)) {
        const i = service.byLowerName.get(namePattern.toLowerCase());
        if (i !== undefined) found.push({ service: prefix, action: service.actions[i]!, index: i });
        continue;
      }
      service.actions.forEach((action, index) => {
        if (matchName(action)) found.push({ service: prefix, action, index });
      });
    }
    return found;
  }
}

/** The service part of an ARN or ARN pattern, even one cut short by a final `*` (`arn:aws:profile:*`). */
export function arnService(arn: string): string | undefined {
  const full = readArn(arn);
  if (full) return full.service;
  if (!arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  return parts.length >= 4 ? parts[2] : undefined;
}

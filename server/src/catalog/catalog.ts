// Queries over the bundled data. The only module that knows AWS's service data; everything is looked
// up case-insensitively, as IAM does for action names.
import actionIndexJson from '../../data/action-index.json';
import globalKeysJson from '../../data/global-condition-keys.json';
import profileJson from '../../data/profile.json';
import { arnFitsTemplate } from '../iam/arn';
import { cachedWildcard, hasWildcard } from '../iam/wildcard';
import type { ActionIndexData, GlobalConditionKey, ProfileAction, ProfileData, ResourceType } from './types';

export type AccessLetter = 'L' | 'R' | 'W' | 'T' | 'P';

/** The index's one-letter access levels (the most powerful flag of an action, as the generator picks). */
const LEVEL_NAMES: Record<string, string> = { L: 'List', R: 'Read', W: 'Write', T: 'Tagging', P: 'Permissions management' };

export const ACCESS_LEVEL_ORDER = ['List', 'Read', 'Write', 'Tagging', 'Permissions management'];

export function accessLevelName(letter: string): string {
  return LEVEL_NAMES[letter] ?? 'Write';
}

export interface ConditionKeyInfo {
  /** The key as the data names it (tag keys with their ${TagKey} placeholder). */
  readonly name: string;
  readonly type: string;
  readonly multivalued: boolean;
  /** Service keys carry AWS's description; global keys their category. */
  readonly description?: string;
  readonly category?: string;
}

const TAG_KEY_STEMS = ['aws:requesttag/', 'aws:resourcetag/', 'aws:principaltag/'];

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
}

export class Catalog {
  readonly profile: ProfileData;
  readonly globalKeys: readonly GlobalConditionKey[];
  private readonly index: ActionIndexData;
  private readonly services = new Map<string, ServiceActions>();
  private readonly profileActions = new Map<string, ProfileAction>();
  private readonly resourceTypesByName = new Map<string, ResourceType>();

  constructor(profile: ProfileData, index: ActionIndexData, globalKeys: readonly GlobalConditionKey[]) {
    this.profile = profile;
    this.index = index;
    this.globalKeys = globalKeys;
    for (const action of profile.actions) this.profileActions.set(action.name.toLowerCase(), action);
    for (const type of profile.resourceTypes) this.resourceTypesByName.set(type.name, type);
  }

  get servicePrefixes(): string[] {
    return Object.keys(this.index.services);
  }

  /** The service's action list, split from the compact index the first time it is asked for. */
  service(prefix: string): ServiceActions | undefined {
    const key = prefix.toLowerCase();
    const cached = this.services.get(key);
    if (cached) return cached;
    const entry = this.index.services[key];
    if (!entry) return undefined;
    const actions = entry.actions.split(' ');
    const byLowerName = new Map<string, number>();
    actions.forEach((name, i) => byLowerName.set(name.toLowerCase(), i));
    const service: ServiceActions = { prefix: key, name: entry.name, actions, levels: entry.levels, byLowerName };
    this.services.set(key, service);
    return service;
  }

  /** The canonical spelling of service:name, or undefined when the service has no such action. */
  canonicalAction(prefix: string, name: string): string | undefined {
    const service = this.service(prefix);
    const i = service?.byLowerName.get(name.toLowerCase());
    return service && i !== undefined ? service.actions[i] : undefined;
  }

  profileAction(name: string): ProfileAction | undefined {
    return this.profileActions.get(name.toLowerCase());
  }

  resourceType(name: string): ResourceType | undefined {
    return this.resourceTypesByName.get(name);
  }

  private readonly typesByArn = new Map<string, readonly ResourceType[]>();

  /** The Customer Profiles resource types an ARN (wildcards and variables allowed) can stand for; memoised per ARN. */
  resourceTypesOf(arn: string): readonly ResourceType[] {
    let types = this.typesByArn.get(arn);
    if (!types) {
      if (this.typesByArn.size > 20_000) this.typesByArn.clear();
      types = this.profile.resourceTypes.filter((t) => arnFitsTemplate(arn, t.arn));
      this.typesByArn.set(arn, types);
    }
    return types;
  }

  /**
   * What the data says of a condition key, tag keys resolved to their ${TagKey} pattern (names ignore
   * case); 'malformed' for a tag key without its tag name; undefined for a key the data does not know.
   */
  conditionKey(key: string): ConditionKeyInfo | 'malformed' | undefined {
    const lower = key.toLowerCase();
    const stem = TAG_KEY_STEMS.find((s) => lower.startsWith(s));
    if (stem && lower.length === stem.length) return 'malformed';
    const pattern = stem ? `${key.slice(0, stem.length)}\${TagKey}` : key;
    // The tag keys are global and Customer Profiles keys at once: the service entry has AWS's description.
    const global = this.globalKey(pattern);
    const service = this.profile.conditionKeys.find((k) => k.name.toLowerCase() === pattern.toLowerCase());
    const known = service ?? global;
    if (!known) return undefined;
    return {
      name: known.name,
      type: known.type,
      multivalued: known.type.startsWith('ArrayOf'),
      ...(service ? { description: service.description } : {}),
      ...(global ? { category: global.category } : {}),
    };
  }

  /** The access level of a known action, by the index (profile's "Tagging, Write" counts as Tagging). */
  accessLevel(prefix: string, name: string): string | undefined {
    const service = this.service(prefix);
    const i = service?.byLowerName.get(name.toLowerCase());
    return service && i !== undefined ? accessLevelName(service.levels[i]!) : undefined;
  }

  globalKey(name: string): GlobalConditionKey | undefined {
    const lower = name.toLowerCase();
    return this.globalKeys.find((k) => k.name.toLowerCase() === lower);
  }

  private readonly matchCache = new Map<string, readonly MatchedAction[]>();

  /** Every known action that `service:name` (wildcards allowed in both parts) stands for; memoised. */
  matchActions(servicePattern: string, namePattern: string): readonly MatchedAction[] {
    const key = `${servicePattern.toLowerCase()}:${namePattern.toLowerCase()}`;
    let found = this.matchCache.get(key);
    if (!found) {
      if (this.matchCache.size > 10_000) this.matchCache.clear();
      found = this.computeMatches(servicePattern, namePattern);
      this.matchCache.set(key, found);
    }
    return found;
  }

  private computeMatches(servicePattern: string, namePattern: string): MatchedAction[] {
    const found: MatchedAction[] = [];
    const prefixes = hasWildcard(servicePattern)
      ? this.servicePrefixes.filter(cachedWildcard(servicePattern, true))
      : this.service(servicePattern)
        ? [servicePattern.toLowerCase()]
        : [];
    const matchName = cachedWildcard(namePattern, true);
    for (const prefix of prefixes) {
      const service = this.service(prefix)!;
      if (!hasWildcard(namePattern)) {
        const i = service.byLowerName.get(namePattern.toLowerCase());
        if (i !== undefined) found.push({ service: prefix, action: service.actions[i]! });
        continue;
      }
      for (const action of service.actions) if (matchName(action)) found.push({ service: prefix, action });
    }
    return found;
  }
}

let shared: Catalog | undefined;

/** The catalogue bundled with this build. */
export function bundledCatalog(): Catalog {
  shared ??= new Catalog(profileJson as ProfileData, actionIndexJson as ActionIndexData, globalKeysJson as GlobalConditionKey[]);
  return shared;
}

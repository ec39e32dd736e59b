// The catalogue's model of a service, and the shapes of the generated files in server/data
// (see scripts/generate-data.mjs).

export interface AccessFlags {
  readonly list: boolean;
  readonly read: boolean;
  readonly write: boolean;
  readonly permissionsManagement: boolean;
  readonly tagging: boolean;
}

export interface ActionResourceType {
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
}

export interface ActionInfo {
  /** The service prefix, lower case. */
  readonly service: string;
  readonly name: string;
  /** "Grants permission to …", as AWS writes it. */
  readonly description: string;
  /** As AWS prints it, e.g. "Tagging, Write". */
  readonly accessLevel: string;
  readonly access: AccessFlags;
  readonly resourceTypes: readonly ActionResourceType[];
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
  /** No API operation of the same name: the permission guards something else. */
  readonly permissionOnly: boolean;
  readonly docUrl: string | null;
}

export interface ResourceTypeInfo {
  /** The service whose data names the type. */
  readonly service: string;
  readonly name: string;
  readonly arn: string;
  /** The service part of its ARN format: usually its own service, sometimes another's (an iam role). */
  readonly arnService: string;
  /** The placeholders of its ARN format that may hold `/` (an S3 object key, an IAM role's path). */
  readonly paths: ReadonlySet<string>;
  /** The literal start of its resource part (`domains/`), to rule it out for an ARN at once. */
  readonly start: string;
  readonly conditionKeys: readonly string[];
}

export interface ServiceConditionKey {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  /** A list key that AWS also compares as a single value, without ForAllValues/ForAnyValue. */
  readonly qualifierOptional: boolean;
}

export interface GlobalConditionKey {
  readonly name: string;
  readonly type: string;
  readonly multivalued: boolean;
  readonly category: string;
  readonly description?: string;
}

export interface GlobalKeysData {
  readonly source: { readonly package: string; readonly version: string };
  readonly keys: readonly GlobalConditionKey[];
}

export interface ActionIndexData {
  readonly source: { readonly package: string; readonly version: string };
  /**
   * The services whose per-action resource types and condition keys were reviewed (see the generator):
   * the checks that call an ARN or a tag key useless for the statement's actions trust only these.
   */
  readonly reviewed?: readonly string[];
  /** Tagging actions whose tag list is optional (`service:Action`). */
  readonly tagListOptional?: readonly string[];
  /** Actions no operation checks, which AWS still writes into policies (`sns:Receive`), with why they are seen. */
  readonly legacyActions?: Readonly<Record<string, string>>;
  /** Per service prefix: space-separated action names and one access-level letter per action (L R W T P). */
  readonly services: Readonly<Record<string, { readonly name: string; readonly actions: string; readonly levels: string }>>;
}

/** An action row of a service file: name, access level, description, resource types, keys, dependent actions, permission-only. */
export type ActionRow = [string, string, string, Array<[string, boolean] | [string, boolean, string[]]>, string[], string[], 1?];

/** server/data/services/<prefix>.json */
export interface ServiceFile {
  readonly prefix: string;
  readonly name: string;
  /** The service's page in the Service Authorization Reference (or that reference's index). */
  readonly reference: string;
  /** The API reference address of an action, with `{Action}` for its name; null when unknown. */
  readonly apiReference: string | null;
  /** Whether the service takes resource-based policies, where its documentation says. */
  readonly resourcePolicies?: boolean;
  /** The regions where the service runs, where its documentation lists them (Customer Profiles'). */
  readonly regions?: readonly string[];
  readonly actions: readonly ActionRow[];
  /** name, ARN format (a list where the type has several), condition keys */
  readonly resourceTypes: ReadonlyArray<[string, string | string[], string[]]>;
  /** name, type, description, and 1 where a set qualifier is optional */
  readonly conditionKeys: ReadonlyArray<[string, string, string, 1?]>;
}

/** server/data/partitions.json: each partition's regions, with AWS's names for them. */
export interface PartitionsData {
  readonly source: { readonly package: string; readonly version: string; readonly data: string };
  readonly partitions: ReadonlyArray<{ readonly id: string; readonly regions: ReadonlyArray<readonly [string, string]> }>;
}

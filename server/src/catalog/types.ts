// Shapes of the generated files in server/data (see scripts/generate-data.mjs).

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

export interface ProfileAction {
  readonly name: string;
  readonly description: string;
  /** As AWS prints it, e.g. "Tagging, Write". */
  readonly accessLevel: string;
  readonly access: AccessFlags;
  readonly resourceTypes: readonly ActionResourceType[];
  readonly conditionKeys: readonly string[];
  readonly permissionOnly: boolean;
  readonly docUrl: string | null;
}

export interface ResourceType {
  readonly name: string;
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

export interface ServiceConditionKey {
  readonly name: string;
  readonly type: string;
  readonly description: string;
}

export interface ProfileData {
  readonly prefix: string;
  readonly name: string;
  readonly source: { readonly package: string; readonly version: string; readonly updatedAt: string };
  readonly serviceAuthorizationReference: string;
  readonly actions: readonly ProfileAction[];
  readonly resourceTypes: readonly ResourceType[];
  readonly conditionKeys: readonly ServiceConditionKey[];
}

export interface GlobalConditionKey {
  readonly name: string;
  readonly type: string;
  readonly multivalued: boolean;
  readonly category: string;
}

export interface ActionIndexData {
  readonly source: { readonly package: string; readonly version: string };
  /** Per service prefix: space-separated action names and one access-level letter per action (L R W T P). */
  readonly services: Readonly<Record<string, { readonly name: string; readonly actions: string; readonly levels: string }>>;
}

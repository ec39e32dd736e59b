// One service in depth, built from its generated file: actions, resource types and condition keys,
// looked up case-insensitively as IAM does.
import { readArn } from '../iam/arn';
import { keyFitsName } from '../iam/condition-keys';
import type { AccessFlags, ActionInfo, ResourceTypeInfo, ServiceConditionKey, ServiceFile } from './types';

const GRANTS = 'Grants permission to ';

function accessFlags(level: string): AccessFlags {
  const parts = level.split(',').map((p) => p.trim());
  return {
    list: parts.includes('List'),
    read: parts.includes('Read'),
    write: parts.includes('Write'),
    permissionsManagement: parts.includes('Permissions management'),
    tagging: parts.includes('Tagging'),
  };
}

export class ServiceModel {
  readonly prefix: string;
  readonly name: string;
  readonly reference: string;
  /** false where the service's documentation says it takes no resource-based policy; undefined where unknown. */
  readonly resourcePolicies: boolean | undefined;
  readonly actions: readonly ActionInfo[];
  readonly resourceTypes: readonly ResourceTypeInfo[];
  readonly conditionKeys: readonly ServiceConditionKey[];
  private readonly actionsByLowerName = new Map<string, ActionInfo>();
  private readonly typesByName = new Map<string, ResourceTypeInfo>();

  constructor(file: ServiceFile) {
    this.prefix = file.prefix;
    this.name = file.name;
    this.reference = file.reference;
    this.resourcePolicies = file.resourcePolicies;
    this.actions = file.actions.map(([name, accessLevel, description, types, conditionKeys, dependentActions, permissionOnly]) => ({
      service: file.prefix,
      name,
      description: description.startsWith('=') ? description.slice(1) : `${GRANTS}${description}`,
      accessLevel,
      access: accessFlags(accessLevel),
      resourceTypes: types.map(([typeName, required, keys]) => ({ name: typeName, required, conditionKeys: keys ?? [] })),
      conditionKeys,
      dependentActions,
      permissionOnly: permissionOnly === 1,
      docUrl: file.apiReference && permissionOnly !== 1 ? file.apiReference.replace('{Action}', name) : null,
    }));
    for (const action of this.actions) this.actionsByLowerName.set(action.name.toLowerCase(), action);
    this.resourceTypes = file.resourceTypes.map(([name, arn, conditionKeys]) => ({
      service: file.prefix,
      name,
      arn,
      arnService: readArn(arn)?.service ?? file.prefix,
      conditionKeys,
    }));
    for (const type of this.resourceTypes) this.typesByName.set(type.name, type);
    this.conditionKeys = file.conditionKeys.map(([name, type, description]) => ({ name, type, description }));
  }

  action(name: string): ActionInfo | undefined {
    return this.actionsByLowerName.get(name.toLowerCase());
  }

  resourceType(name: string): ResourceTypeInfo | undefined {
    return this.typesByName.get(name);
  }

  /** The service key a policy's key stands for (placeholders in the data's names fit any tag or name). */
  conditionKey(key: string): ServiceConditionKey | undefined {
    return this.conditionKeys.find((k) => keyFitsName(key, k.name));
  }
}

/** The description without "Grants permission to ", for lists where space is short. */
export function shortDescription(action: ActionInfo): string {
  return action.description.startsWith(GRANTS) ? action.description.slice(GRANTS.length) : action.description;
}

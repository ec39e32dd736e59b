// One service in depth, built from its generated file: actions, resource types and condition keys,
// looked up case-insensitively as IAM does.
import { literalStart, readArn, templatePlaceholders } from '../iam/arn';
import { scanVariables } from '../iam/variables';
import { keyFitsName } from '../iam/condition-keys';
import type { AccessFlags, ActionInfo, ActionRow, ResourceTypeInfo, ServiceConditionKey, ServiceFile } from './types';

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
  /** The regions where the service runs, where the data lists them; undefined otherwise. */
  readonly regions: readonly string[] | undefined;
  readonly resourceTypes: readonly ResourceTypeInfo[];
  readonly conditionKeys: readonly ServiceConditionKey[];
  private readonly typesByName = new Map<string, ResourceTypeInfo>();
  // Actions are built from their rows on first use, each once: a policy names a few of a service's
  // hundreds, and reading every service (AWS's managed policies name most) must stay cheap.
  private readonly rows: readonly ActionRow[];
  private readonly built: Array<ActionInfo | undefined>;
  private readonly apiReference: string | null;
  private rowsByLowerName: Map<string, number> | undefined;
  private all: readonly ActionInfo[] | undefined;
  private keysByLowerName: Map<string, ServiceConditionKey> | undefined;
  private patternKeys: ServiceConditionKey[] | undefined;

  constructor(file: ServiceFile) {
    this.prefix = file.prefix;
    this.name = file.name;
    this.reference = file.reference;
    this.resourcePolicies = file.resourcePolicies;
    this.regions = file.regions;
    this.rows = file.actions;
    this.built = new Array<ActionInfo | undefined>(file.actions.length);
    this.apiReference = file.apiReference;
    // A type with several ARN formats (API Gateway's v1 and v2 paths) is one entry per format, of one name.
    const formats = file.resourceTypes.flatMap(([name, arns, conditionKeys]) =>
      (typeof arns === 'string' ? [arns] : arns).map((arn) => ({ name, arn, conditionKeys })),
    );
    const separators = nestingPlaceholders(formats.map((f) => f.arn));
    this.resourceTypes = formats.map(({ name, arn, conditionKeys }) => ({
      service: file.prefix,
      name,
      arn,
      arnService: readArn(arn)?.service ?? file.prefix,
      conditionKeys,
      paths: new Set(templatePlaceholders(arn).filter((placeholder) => !separators.has(placeholder))),
      start: literalStart(readArn(arn)?.resource ?? ''),
    }));
    for (const type of this.resourceTypes) if (!this.typesByName.has(type.name)) this.typesByName.set(type.name, type);
    this.conditionKeys = file.conditionKeys.map(([name, type, description, optional]) => ({ name, type, description, qualifierOptional: optional === 1 }));
  }

  /** Every action, in name order. */
  get actions(): readonly ActionInfo[] {
    this.all ??= this.rows.map((_, i) => this.actionAt(i));
    return this.all;
  }

  action(name: string): ActionInfo | undefined {
    this.rowsByLowerName ??= new Map(this.rows.map((row, i) => [row[0].toLowerCase(), i]));
    const i = this.rowsByLowerName.get(name.toLowerCase());
    return i === undefined ? undefined : this.actionAt(i);
  }

  private actionAt(i: number): ActionInfo {
    const cached = this.built[i];
    if (cached) return cached;
    const [name, accessLevel, description, types, conditionKeys, dependentActions, permissionOnly] = this.rows[i]!;
    const action: ActionInfo = {
      service: this.prefix,
      name,
      description: description.startsWith('=') ? description.slice(1) : `${GRANTS}${description}`,
      accessLevel,
      access: accessFlags(accessLevel),
      resourceTypes: types.map(([typeName, required, keys]) => ({ name: typeName, required, conditionKeys: keys ?? [] })),
      conditionKeys,
      dependentActions,
      permissionOnly: permissionOnly === 1,
      docUrl: this.apiReference && permissionOnly !== 1 ? this.apiReference.replace('{Action}', name) : null,
    };
    this.built[i] = action;
    return action;
  }

  resourceType(name: string): ResourceTypeInfo | undefined {
    return this.typesByName.get(name);
  }

  /** The service key a policy's key stands for (placeholders in the data's names fit any tag or name). */
  conditionKey(key: string): ServiceConditionKey | undefined {
    if (!this.keysByLowerName) {
      // Names without a placeholder by a map; the few with one (`s3:ExistingObjectTag/${TagKey}`) by a scan.
      this.keysByLowerName = new Map();
      this.patternKeys = [];
      for (const k of this.conditionKeys) {
        if (k.name.includes('${')) this.patternKeys.push(k);
        else if (!this.keysByLowerName.has(k.name.toLowerCase())) this.keysByLowerName.set(k.name.toLowerCase(), k);
      }
    }
    const exact = this.keysByLowerName.get(key.toLowerCase());
    // The data's first fitting name wins, as before: an exact name is checked against the patterns listed before it.
    const pattern = this.patternKeys!.find((k) => keyFitsName(key, k.name));
    if (exact && pattern) return this.conditionKeys.indexOf(exact) < this.conditionKeys.indexOf(pattern) ? exact : pattern;
    return exact ?? pattern;
  }
}

/** The description without "Grants permission to ", for lists where space is short. */
export function shortDescription(action: ActionInfo): string {
  return action.description.startsWith(GRANTS) ? action.description.slice(GRANTS.length) : action.description;
}

/**
 * The placeholders that some ARN format of the service writes a `/` right after
 * (`${BucketName}/${ObjectName}`, `domains/${DomainName}/object-types/…`): the service nests other
 * resources under them, so their names hold no `/`. Every other placeholder may be a path (an S3
 * object key, an IAM role name with its path, a log group name), which the ARN formats do not say.
 */
function nestingPlaceholders(templates: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const template of templates) {
    for (const variable of scanVariables(template)) if (variable.closed && template[variable.end] === '/') found.add(variable.key);
  }
  return found;
}

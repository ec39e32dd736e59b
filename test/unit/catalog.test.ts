// Facts the catalogue must hold, pinned against the seed page and the current service data.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bundledCatalog } from '../../server/src/catalog/catalog';
import { readRepoFile } from '../helpers';

const catalog = bundledCatalog();
// A copy of shared/seeds/004_eeb24332182c46f5.txt, the AWS page the project started from.
const seed = readRepoFile('test', 'fixtures', 'seeds', 'profile-service-authorization-page-2024.txt');

describe('catalogue', () => {
  test('has 117 profile actions and 12 resource types', () => {
    assert.equal(catalog.profile.actions.length, 117);
    assert.equal(catalog.profile.resourceTypes.length, 12);
    assert.equal(catalog.service('profile')?.actions.length, 117);
  });

  test('holds every action and ARN template of the seed page', () => {
    const actionRows = seed.split('\n').filter((line) => /^[A-Z][A-Za-z]+ \| Grants permission/.test(line));
    assert.equal(actionRows.length, 38);
    for (const row of actionRows) {
      const name = row.split(' | ')[0]!;
      assert.ok(catalog.profileAction(name), `missing ${name}`);
    }
    const arns = seed.split('\n').filter((line) => line.startsWith('arn:${Partition}:profile:'));
    assert.equal(arns.length, 3);
    const templates = catalog.profile.resourceTypes.map((r) => r.arn);
    for (const arn of arns) assert.ok(templates.includes(arn.trim()), `missing ARN ${arn}`);
  });

  test('BatchGetProfile is Read and requires domains', () => {
    const action = catalog.profileAction('BatchGetProfile')!;
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
    assert.deepEqual(catalog.profileAction('ListDomains')!.resourceTypes, []);
  });

  test('TagResource carries two access flags and the tag condition keys', () => {
    const action = catalog.profileAction('tagresource')!;
    assert.equal(action.accessLevel, 'Tagging, Write');
    assert.equal(action.access.tagging && action.access.write, true);
    assert.deepEqual(action.conditionKeys, ['aws:RequestTag/${TagKey}', 'aws:TagKeys']);
  });

  test('permission-only actions have no API reference page', () => {
    assert.equal(catalog.profileAction('CreateSnapshot')!.docUrl, null);
    assert.equal(catalog.profileAction('CreateSnapshot')!.permissionOnly, true);
  });

  test('resource types have ARN templates under domains/${DomainName}', () => {
    assert.equal(catalog.resourceType('domains')!.arn, 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}');
    for (const type of catalog.profile.resourceTypes)
      assert.match(type.arn, /^arn:\$\{Partition\}:profile:\$\{Region\}:\$\{Account\}:domains\/\$\{DomainName\}/);
  });

  test('service condition keys have types; global keys say whether they are multivalued', () => {
    assert.deepEqual(
      catalog.profile.conditionKeys.map((k) => [k.name, k.type]),
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
});

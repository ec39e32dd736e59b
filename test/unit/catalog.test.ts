// Facts the catalogue must hold, pinned against the seed page and the current service data.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bundledCatalog, loadServiceFile } from '../../server/src/catalog/bundled';
import { Catalog } from '../../server/src/catalog/catalog';
import type { ActionIndexData, GlobalKeysData } from '../../server/src/catalog/types';
import { PARTITIONS, partitionRegions, regionName, regionPartition } from '../../server/src/catalog/partitions';
import { analyse, completion, hoverAt } from '../../server/src/service';
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

  test('every global key says what it holds and when a request has it, without a final period', () => {
    assert.deepEqual(
      catalog.globalKeys.filter((k) => !k.description || k.description.endsWith('.')).map((k) => k.name),
      [],
    );
    assert.match(catalog.globalKey('aws:SourceIp')!.description!, /VPC endpoint/);
    assert.match(catalog.globalKey('aws:PrincipalOrgID')!.description!, /organization/);
    assert.match(catalog.globalKey('aws:SourceAccount')!.description!, /service principal/);
  });

  test('indexes the actions of every other service', () => {
    assert.ok(catalog.servicePrefixes.length > 400);
    assert.equal(catalog.canonicalAction('S3', 'getobject'), 'GetObject');
    assert.equal(catalog.canonicalAction('connect-campaigns', 'PutProfileOutboundRequestBatch'), 'PutProfileOutboundRequestBatch');
    assert.equal(catalog.canonicalAction('kms', 'NoSuchThing'), undefined);
  });

  test('a prefix documented on several pages is named as the service, not after one page or API version', () => {
    // `ses:*` is Amazon SES's (its first page), which the data names after Amazon Pinpoint Email Service.
    assert.equal(catalog.serviceName('ses'), 'Amazon SES');
    assert.equal(catalog.serviceName('lex'), 'Amazon Lex');
    assert.equal(catalog.serviceName('elasticloadbalancing'), 'AWS Elastic Load Balancing');
    // A V2 with a prefix of its own stays as it is.
    assert.equal(catalog.serviceName('wafv2'), 'AWS WAF V2');
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

  test('every service has its file, and analysing a policy reads only the services it names', () => {
    const reads: string[] = [];
    const index = JSON.parse(readRepoFile('server', 'data', 'action-index.json')) as ActionIndexData;
    const fresh = new Catalog({
      index,
      globalKeys: JSON.parse(readRepoFile('server', 'data', 'global-condition-keys.json')) as GlobalKeysData,
      inDepth: Object.keys(index.services),
      load: (prefix) => {
        reads.push(prefix);
        return loadServiceFile(prefix);
      },
    });
    assert.equal(Object.keys(index.services).length, catalog.servicePrefixes.length);
    // Names alone come from the index: an unknown action, a wildcard, a service prefix read no file.
    analyse('{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ec2:NoSuchAction", "Resource": "*"}}', 'json', undefined, fresh);
    assert.deepEqual(reads, []);
    // Whether a service's data is reviewed is in the index too; a wildcard on "*" of services not
    // reviewed needs nothing of their actions in depth (ec2:Describe* stands for about 200).
    assert.deepEqual([fresh.reviewed('S3'), fresh.reviewed('ec2')], [true, false]);
    analyse(
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["ec2:Describe*", "rds:Describe*"], "Resource": "*"}}',
      'json',
      undefined,
      fresh,
    );
    assert.deepEqual(reads, []);
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: ['arn:aws:s3:::exports/*', 'arn:aws:kms:us-east-1:111122223333:key/1'] },
        { Effect: 'Allow', Action: 'profile:GetDomain', Resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail' },
      ],
    };
    analyse(JSON.stringify(policy), 'json', undefined, fresh);
    assert.deepEqual([...reads].sort(), ['kms', 'profile', 's3']);
    assert.deepEqual(fresh.loadedServices.sort(), ['kms', 'profile', 's3']);
    // Each at most once.
    analyse(JSON.stringify(policy, null, 2), 'json', undefined, fresh);
    assert.equal(reads.length, 3);
    // A service wildcard names hundreds of services: the checks, resource completion and key hover of
    // its statement read none of them (a resource policy's statement, with a condition key to hover).
    const wide =
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "*:Get*", "Resource": "", "Condition": {"StringEquals": {"aws:SourceAccount": "1"}}}}';
    const analysis = analyse(wide, 'json', undefined, fresh);
    completion(analysis, wide.indexOf('"Resource": "') + 13, fresh);
    hoverAt(analysis, wide.indexOf('aws:SourceAccount') + 3, fresh);
    completion(analysis, wide.indexOf('aws:SourceAccount'), fresh);
    assert.equal(reads.length, 3, reads.join(' '));
  });

  test("every service's file holds its actions with descriptions, resource types with ARN formats, and typed keys", () => {
    for (const prefix of ['s3', 'kms', 'connect', 'appflow', 'events']) {
      const service = catalog.service(prefix)!;
      assert.equal(service.actions.length, catalog.serviceIndex(prefix)!.actions.length, prefix);
      assert.ok(service.resourceTypes.length > 0, prefix);
      assert.ok(service.conditionKeys.every((k) => k.type.length > 0));
    }
    const getObject = catalog.action('s3', 'getobject')!;
    assert.equal(getObject.description, 'Grants permission to retrieve objects from Amazon S3');
    assert.deepEqual(
      getObject.resourceTypes.map((r) => [r.name, r.required]),
      [
        ['accesspointobject', false],
        ['object', false],
      ],
    );
    assert.equal(catalog.service('s3')!.resourceType('bucket')!.arn, 'arn:${Partition}:s3:::${BucketName}');
    assert.deepEqual(catalog.conditionKey('s3:prefix'), {
      name: 's3:prefix',
      type: 'String',
      multivalued: false,
      scope: 'service',
      tag: undefined,
      description: 'Filters access by key name prefix',
    });
    assert.deepEqual(catalog.conditionKey('KMS:viaservice'), catalog.conditionKey('kms:ViaService'));
    assert.equal((catalog.conditionKey('kms:ViaService') as { type: string }).type, 'String');
    // The data writes S3's object-tag placeholder as <key>, Secrets Manager's as tag-key: both read as ${TagKey}.
    assert.equal((catalog.conditionKey('s3:ExistingObjectTag/team') as { name: string }).name, 's3:ExistingObjectTag/${TagKey}');
    assert.equal((catalog.conditionKey('secretsmanager:ResourceTag/team') as { name: string }).name, 'secretsmanager:ResourceTag/${TagKey}');
    // A key that another service's data lists under this prefix: EC2 Instance Connect's ec2:osuser.
    assert.equal((catalog.conditionKey('ec2:osuser') as { type: string }).type, 'String');
    // AWS IoT Core's policy variables, which IoT policies use as condition keys.
    assert.equal((catalog.conditionKey('iot:Connection.Thing.IsAttached') as { type: string }).type, 'Bool');
    assert.equal(
      (catalog.conditionKey('iot:Connection.Thing.Attributes[color]') as { name: string }).name,
      'iot:Connection.Thing.Attributes[${AttributeName}]',
    );
    assert.equal((catalog.conditionKey('iot:Certificate.Subject.CommonName') as { name: string }).name, 'iot:Certificate.${CertificateAttribute}');
    assert.equal(catalog.conditionKey('iot:Connection.Thing.Nothing'), undefined);
    // A type with two ARN formats is one entry per format.
    assert.deepEqual(
      catalog
        .service('apigateway')!
        .resourceTypes.filter((t) => t.name === 'Stage')
        .map((t) => t.arn),
      [
        'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}',
        'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}',
      ],
    );
  });

  test('ARN names hold paths where the service nests nothing under them', () => {
    const fits = (arn: string) => catalog.resourceTypesOf(arn).map((t) => t.name);
    assert.deepEqual(fits('arn:aws:s3:::exports'), ['bucket']);
    assert.deepEqual(fits('arn:aws:s3:::exports/2026/11/orders.csv'), ['object']);
    assert.deepEqual(fits('arn:aws:connect:us-east-1:111122223333:instance/abc'), ['instance']);
    assert.deepEqual(fits('arn:aws:connect:us-east-1:111122223333:instance/abc/queue/def'), ['queue']);
    assert.deepEqual(fits('arn:aws:iam::111122223333:role/service-role/exporter'), ['role']);
    assert.deepEqual(fits('arn:aws:iam::111122223333:root'), ['user']);
    assert.deepEqual(fits(`arn:aws:profile:us-east-1:111122223333:domains/retail/object-types/order`), ['object-types']);
  });

  test('partitions and regions come from the AWS SDK, without the *-global pseudo-regions', () => {
    assert.deepEqual(PARTITIONS, ['aws', 'aws-cn', 'aws-eusc', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-us-gov']);
    assert.ok(partitionRegions('aws').includes('eu-north-1'));
    assert.ok(!partitionRegions('aws').some((r) => r.endsWith('-global')));
    assert.deepEqual(partitionRegions('aws-cn'), ['cn-north-1', 'cn-northwest-1']);
    assert.equal(regionPartition('us-gov-west-1'), 'aws-us-gov');
    assert.equal(regionPartition('us-east-7'), undefined);
    assert.equal(regionName('af-south-1'), 'Africa (Cape Town)');
  });

  test("Customer Profiles' regions are the ten of the service-linked role page, every one an aws region", () => {
    // A copy of shared/seeds/000_e9004002350dac9f.txt (in Chinese): the table of supported regions.
    const page = readRepoFile('test', 'fixtures', 'seeds', 'profile-service-linked-role-page.txt');
    const listed = [...page.matchAll(/ ([a-z]{2}-[a-z]+-\d) *$/gm)].map((m) => m[1]);
    assert.equal(listed.length, 10);
    assert.deepEqual(profile.regions, listed);
    for (const region of listed) assert.equal(regionPartition(region!), 'aws');
  });
});

// The small syntaxes inside values, each with one home: policy variables (iam/variables.ts) and ARNs
// (iam/arn.ts), Action entries (iam/action.ts). Exact results, and hostile inputs that a quadratic scan would not survive.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { random } from '../../bench/generate';
import { parseAction, parseActions } from '../../server/src/iam/action';
import { analyse } from '../../server/src/service';
import { arnFitsTemplate, arnMatches, arnPositionAt, readArn, resourceTypeWord, templatePlaceholders } from '../../server/src/iam/arn';
import { openVariableBefore, replaceVariables, scanVariables, variableAt, variableKeys } from '../../server/src/iam/variables';
import { operatorByName, sameRelationIn, type OperatorFamily } from '../../server/src/iam/operators';

describe('policy variables', () => {
  test('keys, defaults, escapes and an unclosed variable, with offsets', () => {
    const text = "a/${aws:username}/${aws:PrincipalTag/team, 'none'}/${*}${?}${$}/${aws:x";
    assert.deepEqual(
      scanVariables(text).map((v) => [text.slice(v.start, v.end), v.key, v.defaultValue ?? null, v.special ?? null, v.closed]),
      [
        ['${aws:username}', 'aws:username', null, null, true],
        ["${aws:PrincipalTag/team, 'none'}", 'aws:PrincipalTag/team', 'none', null, true],
        ['${*}', '*', null, '*', true],
        ['${?}', '?', null, '?', true],
        ['${$}', '$', null, '$', true],
        ['${aws:x', 'aws:x', null, null, false],
      ],
    );
  });

  test('a default without quotes is kept as written; an empty variable has an empty key', () => {
    assert.deepEqual(
      scanVariables('${aws:a, x}${}').map((v) => [v.key, v.rawDefault ?? null, v.defaultValue ?? null]),
      [
        ['aws:a', 'x', 'x'],
        ['', null, null],
      ],
    );
  });

  test('the variable at an offset, and one being typed before the cursor', () => {
    const text = 'x${aws:username}y';
    assert.equal(variableAt(text, 0), undefined);
    assert.equal(variableAt(text, 1)?.key, 'aws:username');
    assert.equal(variableAt(text, 16)?.key, 'aws:username');
    assert.equal(openVariableBefore('arn:${aws:us', 12)?.start, 4);
    assert.equal(openVariableBefore('arn:${aws:username}', 19), undefined);
  });

  test('replacement in one pass; keys read through variables', () => {
    assert.equal(
      replaceVariables('a${x}b${y, "q"}c${z', (v) => `[${v.key}]`),
      'a[x]b[y]c${z',
    );
    assert.deepEqual(variableKeys('${aws:PrincipalTag/team}-${*}-${aws:username}'), ['aws:PrincipalTag/team', 'aws:username']);
  });

  test('50,000 characters of "${" and of "${}" are read in one pass', () => {
    assert.equal(scanVariables('${'.repeat(25_000)).length, 1);
    assert.equal(scanVariables('${}'.repeat(16_000)).length, 16_000);
  });
});

describe('ARN reader', () => {
  test('parts and their offsets; the resource keeps further colons; colons inside variables do not split', () => {
    const arn = readArn('arn:aws:logs:us-east-1:111122223333:log-group:app:*')!;
    assert.deepEqual([arn.partition, arn.service, arn.region, arn.account, arn.resource], ['aws', 'logs', 'us-east-1', '111122223333', 'log-group:app:*']);
    assert.deepEqual(arn.offsets, [4, 8, 13, 23, 36]);
    assert.equal(readArn('arn:aws:profile:${aws:x:y}:1:domains/a')?.region, '${aws:x:y}');
    assert.equal(readArn('arn:aws:profile:*'), undefined);
    assert.equal(readArn('domains/retail'), undefined);
  });

  test('the part under the cursor of an unfinished ARN', () => {
    assert.deepEqual(arnPositionAt('arn:aw', 6), { part: 'partition', start: 4, before: [] });
    assert.deepEqual(arnPositionAt('arn:aws:profile:us-east-1:', 26), { part: 'account', start: 26, before: ['aws', 'profile', 'us-east-1'] });
    assert.deepEqual(arnPositionAt('arn:aws:profile:eu-west-2:1:domains/x', 16)?.part, 'region');
    assert.equal(arnPositionAt('profile:', 8), undefined);
  });

  test('resource-type words and template placeholders', () => {
    assert.equal(resourceTypeWord('domains/retail/object-types/x'), 'domains');
    assert.equal(resourceTypeWord('log-group:app'), 'log-group');
    assert.deepEqual(templatePlaceholders('arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}'), [
      'Partition',
      'Region',
      'Account',
      'DomainName',
    ]);
  });
});

// "IAM JSON policy elements: Resource", section "Using wildcards in resource ARNs" (as it reads in 2026).
describe('Resource patterns against a request ARN (User Guide: IAM JSON policy elements: Resource)', () => {
  const domain = 'arn:aws:profile:us-east-1:111122223333:domains/retail';
  const cases: Array<[string, string, boolean]> = [
    ['arn:aws:profile:*', domain, true], // a * ending a segment matches beyond the colons
    ['arn:aws:*', domain, true],
    ['arn:aws:profile:us-east-1:*', domain, true],
    ['arn:aws:s3:*', domain, false],
    ['arn:aws:profile:*:111122223333:domains/retail', domain, true],
    ['arn:aws:profile:us-*-1:111122223333:domains/retail', domain, true],
    ['arn:aws:profile:us-*:domains/retail', domain, true], // us-* ends its segment, so it may cross
    ['arn:aws:profile:us*1:domains/retail', domain, false], // a * inside a segment stays in it
    ['arn:aws:profile:us-east-?:111122223333:domains/retail', domain, true],
    ['arn:aws:profile:us-east-1?111122223333:domains/retail', domain, false], // ? never stands for a colon
    ['arn:aws:profile:us-east-1:111122223333:domain?/retail', domain, true], // wildcards in the resource-type word
    ['arn:aws:profile:us-east-1:111122223333:*/retail', domain, true],
    ['arn:aws:profile:us-east-1:111122223333:domains/*', `${domain}/object-types/order`, true], // * crosses /
    ['arn:aws:profile:us-east-1:111122223333:domains/retail', `${domain}/object-types/order`, false],
    ['arn:aws:profile:us-east-1:111122223333:domains/Retail', domain, false], // case-sensitive
    ['arn:aws:logs:*:*:log-group:app:*', 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:web', true],
    ['arn:aws:logs:*:*:log-group:a*p:log-stream:web', 'arn:aws:logs:us-east-1:1:log-group:a:x:p:log-stream:web', false],
  ];
  for (const [pattern, arn, expected] of cases) {
    test(`${pattern} ${expected ? 'matches' : 'does not match'} ${arn}`, () => assert.equal(arnMatches(pattern, arn), expected));
  }

  test('ArnLike checks the six components apart: no * crosses the five separators ("Condition operators")', () => {
    assert.equal(arnMatches('arn:aws:profile:*', domain, 'condition'), false);
    assert.equal(arnMatches('arn:aws:profile:*:*:domains/*', domain, 'condition'), true);
    assert.equal(arnMatches('arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:us-east-1:1:log-group:a:b', 'condition'), true);
  });

  test('a pattern of 1,000 wildcards against 100,000 characters is decided', () => {
    assert.equal(arnMatches(`arn:${'*a'.repeat(1000)}*:x`, `arn:${'a'.repeat(100_000)}`), false);
    assert.equal(arnMatches(`arn:${'?'.repeat(40)}*`, `arn:${'b'.repeat(100_000)}`), true);
  });
});

describe('ARN patterns against resource-type templates', () => {
  const domains = 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}';
  const objectTypes = 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}/object-types/${ObjectTypeName}';
  const cases: Array<[string, string, boolean]> = [
    ['arn:aws:profile:us-east-1:111122223333:domains/retail', domains, true],
    ['arn:aws:profile:us-east-1:111122223333:domains/retail', objectTypes, false],
    ['arn:aws:profile:*:*:domains/*', domains, true],
    ['arn:aws:profile:*:*:domains/*', objectTypes, true], // * crosses /
    ['arn:aws:profile:*', objectTypes, true],
    ['arn:aws:profile:*:*:domains/${aws:PrincipalTag/domain}', domains, true],
    ['arn:aws:profile:*:*:domain?/x', domains, true],
    ['arn:aws:profile:*:*:widgets/x', domains, false],
    ['arn:aws:s3:::bucket/*', domains, false],
    ['arn:aws:profile:*:*:domains/a/b', domains, false],
  ];
  for (const [arn, template, expected] of cases) {
    test(`${arn} ${expected ? 'fits' : 'does not fit'} ${template.replace('arn:${Partition}:profile:${Region}:${Account}:', '…')}`, () =>
      assert.equal(arnFitsTemplate(arn, template), expected));
  }

  test('a path placeholder holds slashes; the others do not; an empty account is an AWS-owned resource', () => {
    const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
    const paths = new Set(['ObjectName']);
    assert.equal(arnFitsTemplate('arn:aws:s3:::exports/2026/11/a.csv', object, paths), true);
    assert.equal(arnFitsTemplate('arn:aws:s3:::exports/2026/11/a.csv', object), false);
    assert.equal(arnFitsTemplate('arn:aws:s3:::exports/2026/*', object, paths), true);
    assert.equal(arnFitsTemplate('arn:aws:s3:::exports/2026/?.csv', object, paths), true);
    assert.equal(arnFitsTemplate('arn:aws:s3:::exports', object, paths), false);
    const document = 'arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}';
    assert.equal(arnFitsTemplate('arn:aws:ssm:us-east-1::document/AWS-RunShellScript', document), true);
    assert.equal(arnFitsTemplate('arn:aws:ssm:*::document/AWS-*', document), true);
    assert.equal(arnFitsTemplate('arn:aws:ssm::111122223333:document/AWS-RunShellScript', document), false);
  });

  test("a concrete ARN is held against the template's literal runs first, and the simulator's literal-star stand-in is read as the character", () => {
    const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
    const paths = new Set(['ObjectName']);
    assert.equal(arnFitsTemplate('arn:aws:s3:::exports-2026', object, paths), false);
    const fixed = 'arn:${Partition}:application-signals-mcp:${Region}:${Account}:mcp-server/*';
    assert.equal(arnFitsTemplate('arn:aws:application-signals-mcp:*:*:mcp-server/\uE000', fixed), true);
    assert.equal(arnFitsTemplate('arn:aws:application-signals-mcp:us-east-1:111122223333:mcp-server/a', fixed), false);
  });

  test('a trailing star, decided by one pass over the template, agrees with the general walk', () => {
    // `P**` means what `P*` means but takes the general automaton: the two must agree everywhere.
    const templates = [
      domains,
      objectTypes,
      'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
      'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}',
    ];
    const pieces = ['domains', '/', 'object-types', 'x', 'retail', 'log-group', ':', 'a', ''];
    const next = random(11);
    let fits = 0;
    for (let i = 0; i < 3000; i++) {
      const prefix = Array.from({ length: Math.floor(next() * 5) }, () => pieces[Math.floor(next() * pieces.length)]!).join('');
      for (const template of templates) {
        const service = readArn(template)!.service;
        const arn = `arn:aws:${service}:us-east-1:111122223333:${prefix}`;
        const fast = arnFitsTemplate(`${arn}*`, template);
        assert.equal(fast, arnFitsTemplate(`${arn}**`, template), `${prefix}* against ${template}`);
        if (fast) fits++;
      }
    }
    assert.ok(fits > 1000, `${fits} fits`);
  });

  test('50,000 characters of "${" in the resource part are decided', () => {
    assert.equal(arnFitsTemplate(`arn:aws:profile:us-east-1:111122223333:domains/${'${'.repeat(25_000)}`, domains), true);
    assert.equal(arnFitsTemplate(`arn:aws:profile:us-east-1:111122223333:domains/x/${'${'.repeat(25_000)}`, domains), false);
  });
});

describe('action entries', () => {
  test('one id per action with case ignored, and the same parse for the same text', () => {
    const [a, b, c, d] = parseActions(['profile:GetDomain', 'PROFILE:getdomain', 'profile:GetDomains', 'profile:GetDomain']);
    assert.equal(a!.id, b!.id);
    assert.notEqual(a!.id, c!.id);
    assert.equal(a, d);
    assert.equal(parseAction('profile:GetDomain'), a);
    assert.deepEqual([a!.kind, a!.lower, b!.lower], ['action', 'profile:getdomain', 'profile:getdomain']);
  });

  test('an action with no colon: the example keeps a prefix written with another separator', () => {
    const reason = (text: string) => {
      const parsed = parseAction(text);
      return parsed.kind === 'malformed' ? parsed.reason : parsed.kind;
    };
    // Found in a real Terraform configuration: `sqs.SendMessage` was told to become profile:sqs.SendMessage.
    assert.equal(reason('sqs.SendMessage'), '"sqs.SendMessage" has no service prefix: write service:ActionName, for example sqs:SendMessage.');
    assert.equal(reason('s3/GetObject'), '"s3/GetObject" has no service prefix: write service:ActionName, for example s3:GetObject.');
    assert.equal(reason('GetDomain'), '"GetDomain" has no service prefix: write service:ActionName, for example profile:GetDomain.');
  });

  test('the memo is bounded between lists, never inside one: ids of one list always compare', () => {
    const first = parseAction('profile:ListDomains');
    // Past the bound, the next list starts a new generation of parses.
    parseActions(Array.from({ length: 50_001 }, (_, i) => `s3:Action${i}`));
    const [again, variant] = parseActions(['profile:ListDomains', 'Profile:listdomains']);
    assert.notEqual(again, first);
    assert.equal(again!.id, variant!.id);
    assert.notEqual(again!.id, first.id);
  });
});

describe('memos keyed by text from documents', () => {
  test('keep no document alive: forty versions of a 1 MiB text, each with new values, leave the heap as ten do', () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    // One statement, then a megabyte of blanks: every string read from a version is cut from its 1 MiB text.
    const version = (i: number) =>
      `${JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            // A service prefix no catalogue knows, already lower case: cut from the text as it is.
            Action: [`profile:GetDomain${i}`, `profile:Get${i}*`, `unknownservice${i}:Get`],
            Resource: `arn:aws:profile:us-east-1:111122223333:domains/team${i}`,
            Condition: {
              [`StringEquals${i % 2 ? 'IfExists' : ''}`]: { [`aws:ResourceTag/team${i}`]: `team${i}`, [`unknownservice${i}:key`]: 'x' },
            },
          },
        ],
      })}${' '.repeat(1 << 20)}`;
    const growth = (versions: number, from: number): number => {
      collect();
      const before = process.memoryUsage().heapUsed;
      let kept: unknown;
      for (let i = from; i < from + versions; i++) kept = analyse(version(i), 'json');
      collect();
      assert.ok(kept);
      return process.memoryUsage().heapUsed - before;
    };
    growth(10, 0);
    const ten = growth(10, 100);
    const forty = growth(40, 200);
    // Each version held would be a megabyte more; the last analysis is held either way.
    assert.ok(forty - ten < 8 * 1024 * 1024, `${((forty - ten) / 1048576).toFixed(1)} MiB more for 30 more versions`);
  });
});

describe('the operator of another family that asks the same', () => {
  test('equals, not equals, like and the comparisons carry over where the family has them', () => {
    const moved = (name: string, family: OperatorFamily) => sameRelationIn(operatorByName(name)!, family)?.name;
    assert.equal(moved('StringEquals', 'IpAddress'), 'IpAddress');
    assert.equal(moved('StringNotEquals', 'IpAddress'), 'NotIpAddress');
    assert.equal(moved('StringLike', 'IpAddress'), undefined);
    assert.equal(moved('StringLike', 'Arn'), 'ArnLike');
    assert.equal(moved('StringEquals', 'Bool'), 'Bool');
    assert.equal(moved('StringNotEquals', 'Bool'), undefined);
    assert.equal(moved('NumericLessThan', 'Date'), 'DateLessThan');
    assert.equal(moved('IpAddress', 'String'), 'StringEquals');
    assert.equal(moved('Bool', 'String'), 'StringEquals');
    assert.equal(moved('StringEqualsIgnoreCase', 'Date'), undefined);
  });
});

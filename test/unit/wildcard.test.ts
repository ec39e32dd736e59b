import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileWildcard, matchWildcard, type StepCounter } from '../../server/src/iam/wildcard';

describe('wildcard matcher', () => {
  const cases: Array<[pattern: string, text: string, expected: boolean]> = [
    ['*', '', true],
    ['*', 'anything', true],
    ['Get*', 'GetDomain', true],
    ['Get*', 'ListDomains', false],
    ['*Domain', 'GetDomain', true],
    ['*Domain', 'GetDomains', false],
    ['List*s', 'ListDomains', true],
    ['Get?omain', 'GetDomain', true],
    ['Get?omain', 'GetDDomain', false],
    ['?', '', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['a*a', 'a', false],
    ['*a*a*', 'aa', true],
    ['*a*a*', 'a', false],
    ['ab*ba', 'aba', false],
    ['x?y*z', 'xAyz', true],
    ['', '', true],
    ['', 'a', false],
    ['domains/*', 'domains/retail/object-types/x', true],
  ];
  for (const [pattern, text, expected] of cases) {
    test(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(text)}`, () => {
      assert.equal(matchWildcard(pattern, text, false), expected);
    });
  }

  test('case-insensitive mode for action names', () => {
    assert.equal(matchWildcard('profile:get*', 'PROFILE:GetDomain', true), true);
    assert.equal(matchWildcard('profile:get*', 'PROFILE:GetDomain', false), false);
  });

  test('pieces longer than one machine word are matched too', () => {
    const long = 'x'.repeat(40) + '?' + 'y'.repeat(40);
    assert.equal(matchWildcard(`*${long}*`, `aaa${'x'.repeat(40)}Q${'y'.repeat(40)}bbb`, false), true);
    assert.equal(matchWildcard(`*${long}*`, `aaa${'x'.repeat(39)}Q${'y'.repeat(40)}bbb`, false), false);
  });

  test('runs in linear time on adversarial input (1,000 stars, 100,000 characters)', () => {
    const pattern = '*a'.repeat(1000) + '*';
    const counter: StepCounter = { steps: 0 };
    const matcher = compileWildcard(pattern + 'b', false, counter);
    const text = 'a'.repeat(100_000);
    assert.equal(matcher(text), false);
    const bound = 4 * (pattern.length + text.length);
    assert.ok(counter.steps <= bound, `${counter.steps} steps for a bound of ${bound}`);
    counter.steps = 0;
    assert.equal(compileWildcard(pattern, false, counter)(text), true);
    assert.ok(counter.steps <= bound, `${counter.steps} steps for a bound of ${bound}`);
  });
});

// The CLI as CI uses it: output lines, exit codes, globs and the settings file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli } from '../cli-runner';
import { repoRoot } from '../helpers';

/** The installed bin, as a process: the one path tests still spawn, to see the shebang and exit codes. */
function bin(args: string[]) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CLEAN = [
  'service-linked-role-policy.json',
  'profile-administrator.json',
  'contact-centre-agent.json',
  'read-only-analyst.yaml',
  'cloudformation-roles.yaml',
  'cloudformation-roles.json',
];

describe('profile-policy lint', () => {
  test('clean examples: no output, exit 0', () => {
    const result = cli(['lint', ...CLEAN.map((f) => `examples/${f}`)]);
    assert.equal(result.stdout, '');
    assert.equal(result.code, 0);
    assert.match(result.stderr, /6 files checked: 0 error/);
  });

  test('the deliberate mistakes, at their lines, exit 1', () => {
    const result = cli(['lint', 'examples/mistakes.yaml']);
    assert.equal(result.code, 1);
    assert.deepEqual(
      result.lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        'examples/mistakes.yaml:16:11 info version-missing',
        'examples/mistakes.yaml:20:21 error action-unknown',
        'examples/mistakes.yaml:23:25 error effect-invalid',
        'examples/mistakes.yaml:26:17 error principal-in-identity-policy',
        'examples/mistakes.yaml:28:17 error action-missing',
        'examples/mistakes.yaml:30:17 error element-unknown',
      ],
    );
    assert.equal(
      result.lines[1],
      'examples/mistakes.yaml:20:21 error action-unknown "profile:SearchProfile" is not an action of Amazon Connect Customer Profiles. Did you mean profile:SearchProfiles?',
    );
  });

  test('directories and quoted globs expand; package.json is skipped', () => {
    const all = cli(['lint', 'examples']);
    const files = new Set(all.lines.map((l) => l.split(':')[0]));
    assert.deepEqual([...files].sort(), ['examples/mistakes.json', 'examples/mistakes.yaml']);
    const globbed = cli(['lint', 'examples/**/*.y?ml']);
    assert.deepEqual([...new Set(globbed.lines.map((l) => l.split(':')[0]))], ['examples/mistakes.yaml']);
    assert.match(globbed.stderr, /3 files checked/);
  });

  test('warnings alone exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-policy-'));
    writeFileSync(
      join(dir, 'p.json'),
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "NotResource": "arn:aws:profile:*:*:domains/secret"}}',
    );
    const result = cli(['lint', 'p.json'], dir);
    assert.equal(result.code, 0);
    assert.deepEqual(
      result.lines.map((l) => l.split(' ').slice(1, 3).join(' ')),
      ['warning allow-not-resource'],
    );
  });

  test('.profile-policy.json sets severities, found from the working directory upwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-policy-'));
    writeFileSync(join(dir, '.profile-policy.json'), JSON.stringify({ rules: { 'action-unknown': 'warning', 'version-missing': 'off' } }));
    writeFileSync(join(dir, 'p.json'), '{"Statement": {"Effect": "Allow", "Action": "profile:GetDomian", "Resource": "*"}}');
    const result = cli(['lint', 'p.json'], dir);
    assert.equal(result.code, 0);
    assert.deepEqual(
      result.lines.map((l) => l.split(' ').slice(1, 3).join(' ')),
      ['warning action-unknown'],
    );
    writeFileSync(join(dir, '.profile-policy.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const bad = cli(['lint', 'p.json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule "no-such-rule"/);
  });

  test('bad usage and unreadable files exit 2', () => {
    assert.equal(cli([]).code, 2);
    assert.equal(cli(['frobnicate']).code, 2);
    assert.equal(cli(['lint']).code, 2);
    assert.equal(cli(['lint', '--bogus', 'x.json']).code, 2);
    const missing = cli(['lint', 'examples/no-such-file.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read examples\/no-such-file.json/);
    assert.equal(cli(['lint', 'examples/*.nothing']).code, 2);
    assert.equal(cli(['lsp']).code, 2);
  });

  test('--help and --version', () => {
    assert.match(cli(['--help']).stdout, /profile-policy lint/);
    assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  test('the bin runs as a process with the same exit codes: 0 clean, 1 findings, 2 bad usage', () => {
    assert.equal(bin(['lint', 'examples/read-only-analyst.yaml']).code, 0);
    assert.equal(bin(['lint', 'examples/mistakes.json']).code, 1);
    const usage = bin(['lint']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /lint needs at least one file/);
    assert.match(bin(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

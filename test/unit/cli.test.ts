// The CLI as CI uses it: output lines, exit codes, globs and the settings file.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { cli } from '../cli-runner';
import { repoRoot, scratchDirectory } from '../helpers';

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
    const dir = scratchDirectory('profile-policy-');
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
    const dir = scratchDirectory('profile-policy-');
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

describe('profile-policy input files', () => {
  const scratch = scratchDirectory('profile-policy-input-');
  const policy = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}';
  const make = (name: string, text = policy) => {
    const path = join(scratch, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const fifo = join(scratch, 'pipe.json');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  /** The bin as a process with a deadline: reading a pipe would block, and a regression must fail, not hang. */
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: scratch, encoding: 'utf8', timeout: 10_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
  };

  test('a named pipe given as --config, --policy, --context-file or a file to lint: exit 2 at once, saying what it is', () => {
    make('policy.json');
    const simulate = ['simulate', '--action', 'profile:GetDomain', '--resource', '*'];
    const cases: Array<[string[], string]> = [
      [['lint', '--config', fifo, 'policy.json'], `profile-policy: cannot read ${fifo}: it is a named pipe (FIFO), not a regular file\n`],
      [[...simulate, '--policy', 'pipe.json'], 'profile-policy: cannot read pipe.json: it is a named pipe (FIFO), not a regular file\n'],
      [
        [...simulate, '--policy', 'policy.json', '--context-file', 'pipe.json'],
        'profile-policy: cannot read pipe.json: it is a named pipe (FIFO), not a regular file\n',
      ],
      [['lint', 'pipe.json'], 'profile-policy: cannot read pipe.json: it is a named pipe (FIFO), not a regular file\n'],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.timedOut, false, args.join(' '));
      assert.deepEqual([result.code, result.stderr], [2, message], args.join(' '));
    }
  });

  test('a device, a symbolic link loop, a missing file: exit 2, each named for what it is', () => {
    symlinkSync(join(scratch, 'loop-b.json'), join(scratch, 'loop-a.json'));
    symlinkSync(join(scratch, 'loop-a.json'), join(scratch, 'loop-b.json'));
    const cases: Array<[string, string]> = [
      ['/dev/zero', 'profile-policy: cannot read /dev/zero: it is a character device, not a regular file\n'],
      ['loop-a.json', 'profile-policy: cannot read loop-a.json: a loop of symbolic links\n'],
      ['missing.json', 'profile-policy: cannot read missing.json: no such file or directory\n'],
    ];
    for (const [file, message] of cases) {
      const result = cli(['lint', file], scratch);
      assert.deepEqual([result.code, result.stderr], [2, message], file);
    }
  });

  test('a socket given as --config: exit 2, said to be no regular file', async () => {
    const socket = join(scratch, 'settings.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const result = run(['lint', '--config', 'settings.sock', 'policy.json']);
      assert.deepEqual([result.code, result.stderr], [2, `profile-policy: cannot read ${socket}: it is a socket or a device, not a regular file\n`]);
    } finally {
      server.close();
    }
  });

  test('in a directory, symbolic links to files are followed, and a link back up is entered once', () => {
    const tree = join(scratch, 'tree');
    make('tree/real/a.json', policy.replace('GetDomain', 'GetDomian'));
    make('elsewhere/b.json', policy.replace('GetDomain', 'ListDomian'));
    symlinkSync(join(scratch, 'elsewhere', 'b.json'), join(tree, 'real', 'linked.json'));
    symlinkSync(tree, join(tree, 'real', 'up'));
    const result = cli(['lint', 'tree', '--quiet'], scratch);
    assert.equal(result.code, 1);
    assert.deepEqual(
      result.lines.map((l) => l.split(' ')[0]),
      ['tree/real/a.json:1:70', 'tree/real/linked.json:1:70'],
    );
  });

  test('an unreadable directory inside a linted one: exit 2, as the README promises for unreadable input', () => {
    make('locked-tree/ok.json');
    const locked = join(scratch, 'locked-tree', 'locked');
    make('locked-tree/locked/hidden.json');
    chmodSync(locked, 0o000);
    try {
      // root reads any directory: run the bin as nobody to see what a user sees.
      const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
      chmodSync(scratch, 0o755);
      const result = spawnSync(asUser[0]!, [...asUser.slice(1), join(repoRoot, 'dist', 'cli.js'), 'lint', 'locked-tree'], {
        cwd: scratch,
        encoding: 'utf8',
        timeout: 10_000,
        // Under `npm run coverage` the user nobody cannot write the parent's coverage files; node passes
        // NODE_V8_COVERAGE on to children unless the env sets it, so it is set empty (off).
        env: { ...process.env, NODE_V8_COVERAGE: '' },
      });
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stderr, 'profile-policy: cannot read the directory locked-tree/locked: permission denied\n');
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  test('a settings file that is not a JSON object: exit 2', () => {
    for (const [content, shown] of [
      ['[1,2]', 'an array'],
      ['7', '7'],
      ['null', 'null'],
    ] as const) {
      const config = make('bad-config.json', content);
      const result = cli(['lint', '--config', config, 'policy.json'], scratch);
      assert.deepEqual(
        [result.code, result.stderr],
        [2, `profile-policy: ${config}: the settings must be a JSON object such as {"rules": {"sid-duplicate": "off"}}, not ${shown}\n`],
      );
    }
  });

  test('a file over maxDocumentSize gets one warning and no analysis; one far over it is not even read', () => {
    make('limit.json', JSON.stringify({ maxDocumentSize: 0.001 }));
    make('slightly-large.json', `${policy}${' '.repeat(1200)}`);
    make('far-too-large.json', `${policy}${' '.repeat(10_000)}`);
    const result = cli(['lint', '--config', 'limit.json', 'slightly-large.json', 'far-too-large.json'], scratch);
    assert.equal(result.code, 0);
    assert.deepEqual(result.lines, [
      'slightly-large.json:1:1 warning document-too-large The document is 0.0 MiB, over the limit of 0.0 MiB (setting maxDocumentSize): it is not analysed.',
      'far-too-large.json:1:1 warning document-too-large The document is 0.0 MiB, over the limit of 0.0 MiB (setting maxDocumentSize): it is not analysed.',
    ]);
  });
});

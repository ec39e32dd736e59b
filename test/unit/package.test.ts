// What the .vsix holds: only what runs in the editor, well under 3 MiB once packed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { readRepoFile, repoRoot } from '../helpers';

test('the .vsix file list holds the bundles, manifest, grammar and docs only', () => {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const files = result.stdout.split('\n').filter(Boolean).sort();
  // Every service has its file, read on first use.
  const { services } = JSON.parse(readRepoFile('server', 'data', 'action-index.json')) as { services: Record<string, unknown> };
  const serviceFiles = Object.keys(services).map((prefix) => `dist/data/${prefix}.json`);
  assert.deepEqual(
    files,
    [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/client.js',
      ...serviceFiles,
      'dist/server.js',
      'docs/images/completion.png',
      'docs/images/simulate.png',
      'docs/rules.md',
      'package.json',
      'syntaxes/iam-policy.injection.tmLanguage.json',
    ].sort(),
  );
});

test('the manifest activates lazily and supports untrusted and virtual workspaces', () => {
  const manifest = JSON.parse(readRepoFile('package.json')) as {
    activationEvents: string[];
    capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
    main: string;
    bin: Record<string, string>;
  };
  assert.deepEqual(manifest.activationEvents, ['onLanguage:json', 'onLanguage:jsonc', 'onLanguage:yaml']);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  assert.equal(manifest.main, './dist/client.js');
  assert.equal(manifest.bin['profile-policy'], 'dist/cli.js');
});

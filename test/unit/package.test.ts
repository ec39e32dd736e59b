// What the .vsix holds: only what runs in the editor, well under 1 MiB once packed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readRepoFile, repoRoot } from '../helpers';

test('the .vsix file list holds the bundles, manifest, grammar, icon and docs only', () => {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const files = result.stdout.split('\n').filter(Boolean).sort();
  const { depth } = JSON.parse(readRepoFile('server', 'data', 'action-index.json')) as { depth: string[] };
  const serviceFiles = depth.map((prefix) => `dist/data/${prefix}.json`);
  assert.deepEqual(files, [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/client.js',
    ...serviceFiles,
    'dist/server.js',
    'docs/images/completion.png',
    'docs/images/simulate.png',
    'docs/rules.md',
    'images/icon.png',
    'package.json',
    'syntaxes/iam-policy.injection.tmLanguage.json',
  ]);
});

test('the icon is the 128×128 PNG the Marketplace asks for', () => {
  const manifest = JSON.parse(readRepoFile('package.json')) as { icon: string };
  const png = readFileSync(join(repoRoot, manifest.icon));
  // A PNG starts with its 8-byte signature, then the IHDR chunk whose data opens with width and height.
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
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

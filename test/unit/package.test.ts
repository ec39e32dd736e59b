// What the .vsix holds: only what runs in the editor, well under 3 MiB once packed, and every file the
// manifest and the walkthrough point to.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { test } from 'node:test';
import { POLICY_LANGUAGES } from '../../client/src/languages';
import { readRepoFile, repoRoot } from '../helpers';

interface WalkthroughStep {
  id: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

interface Manifest {
  icon: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
  main: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  contributes: {
    commands: { command: string }[];
    walkthroughs: { id: string; steps: WalkthroughStep[] }[];
    languages: { id: string; extensions?: string[] }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configurationDefaults: Record<string, Record<string, unknown>>;
  };
}

const manifest = JSON.parse(readRepoFile('package.json')) as Manifest;

/** The user guide that `npm run package` makes the extension's README (its page in the Marketplace and the Extensions view). */
const marketplacePage = /--readme-path (\S+)/.exec(manifest.scripts.package ?? '')?.[1] ?? '(none)';

/** The files `vsce` would pack, as repository paths, with the same README as `npm run package`. */
function packagedFiles(): string[] {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', marketplacePage], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').filter(Boolean).sort();
}

/** The local images a markdown page shows, as repository paths (the page's links are relative to its folder). */
function imagesOf(markdownPath: string): string[] {
  const text = readRepoFile(markdownPath);
  const targets = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  return targets.filter((target) => !/^[a-z]+:/i.test(target)).map((target) => posix.normalize(posix.join(posix.dirname(markdownPath), target)));
}

const steps = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);
const walkthroughPages = steps.map((step) => step.media.markdown!);

test('the .vsix file list holds the bundles, manifest, grammar, icon, walkthrough and docs only', () => {
  // Every service has its file, read on first use.
  const { services } = JSON.parse(readRepoFile('server', 'data', 'action-index.json')) as { services: Record<string, unknown> };
  const serviceFiles = Object.keys(services).map((prefix) => `dist/data/${prefix}.json`);
  assert.deepEqual(
    packagedFiles(),
    [
      'CHANGELOG.md',
      'LICENSE',
      'MARKETPLACE.md',
      'dist/client.js',
      ...serviceFiles,
      'dist/server.js',
      'docs/images/completion.png',
      'docs/images/simulate.png',
      'docs/rules.md',
      'images/icon.png',
      'package.json',
      'syntaxes/iam-policy.injection.tmLanguage.json',
      'syntaxes/iam-policy.terraform.injection.tmLanguage.json',
      'walkthrough/diagnostics.md',
      'walkthrough/open-policy.md',
      'walkthrough/simulate.md',
    ].sort(),
  );
});

test("the package uses the user guide, not the contributors' README, as its page", () => {
  assert.equal(marketplacePage, 'MARKETPLACE.md');
  // The repository README opens with the two fresh-machine commands; the page opens with what the extension does.
  assert.match(readRepoFile(marketplacePage), /^# Profile Policy/);
});

test('every file the icon, the Marketplace page and the walkthrough point to exists and ships', () => {
  const shipped = new Set(packagedFiles());
  const pages = [marketplacePage, ...walkthroughPages];
  const wanted = [manifest.icon, ...pages, ...pages.flatMap(imagesOf)];
  assert.ok(imagesOf(marketplacePage).length > 0, 'the Marketplace page shows pictures');
  for (const file of wanted) {
    assert.ok(existsSync(join(repoRoot, file)), `${file} is missing`);
    assert.ok(shipped.has(file), `${file} is not in the .vsix`);
  }
});

test('the icon is the 128×128 PNG the Marketplace asks for', () => {
  const png = readFileSync(join(repoRoot, manifest.icon));
  // A PNG starts with its 8-byte signature, then the IHDR chunk whose data opens with width and height.
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('the walkthrough has its three steps, each with a page, and completes on commands that exist', () => {
  assert.deepEqual(
    steps.map((step) => step.id),
    ['openPolicy', 'diagnostics', 'simulate'],
  );
  const ours = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const step of steps) {
    assert.ok(step.media.markdown?.startsWith('walkthrough/'), step.id);
    const named = [
      ...[...step.description.matchAll(/\(command:(?:toSide:)?([\w.]+)/g)].map((match) => match[1]!),
      ...(step.completionEvents ?? []).filter((event) => event.startsWith('onCommand:')).map((event) => event.slice('onCommand:'.length)),
    ];
    // Our own commands must be contributed; VS Code's own (workbench.*, editor.*) are not ours to list.
    for (const command of named.filter((c) => c.startsWith('profilePolicy.'))) assert.ok(ours.has(command), `${step.id}: ${command}`);
  }
  assert.ok(steps.find((step) => step.id === 'simulate')!.completionEvents!.includes('onCommand:profilePolicy.simulateStatement'));
});

test('the manifest activates lazily and supports untrusted and virtual workspaces', () => {
  assert.deepEqual(manifest.activationEvents, ['onLanguage:json', 'onLanguage:jsonc', 'onLanguage:yaml', 'onLanguage:terraform', 'onLanguage:hcl']);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  assert.equal(manifest.main, './dist/client.js');
  assert.equal(manifest.bin['profile-policy'], 'dist/cli.js');
});

test("a .tf file is a terraform document with or without HashiCorp's extension, and every menu and grammar covers it", () => {
  assert.deepEqual(manifest.contributes.languages, [{ id: 'terraform', aliases: ['Terraform', 'terraform'], extensions: ['.tf'] }]);
  // Indented as `terraform fmt` writes it, and as the snippets are: otherwise a new file's Enter gives 4 spaces beside their 2.
  // Completion shows while an action or ARN is typed in a string, as VS Code's JSON and YAML support set for theirs.
  assert.deepEqual(manifest.contributes.configurationDefaults, {
    '[terraform]': { 'editor.tabSize': 2, 'editor.insertSpaces': true, 'editor.quickSuggestions': { strings: 'on' } },
  });
  assert.deepEqual(
    manifest.contributes.grammars.map((grammar) => [grammar.scopeName, grammar.injectTo]),
    [
      ['source.iam-policy.injection', ['source.json', 'source.json.comments', 'source.yaml']],
      // HashiCorp's Terraform grammar (source.terraform, formerly source.hcl.terraform) and its HCL grammar.
      ['source.iam-policy.terraform.injection', ['source.terraform', 'source.hcl.terraform', 'source.hcl']],
    ],
  );
  // The client serves the languages the extension activates on, and its menus show for them.
  const languages = manifest.activationEvents.map((event) => event.replace('onLanguage:', ''));
  assert.deepEqual(POLICY_LANGUAGES, languages);
  for (const item of Object.values(manifest.contributes.menus).flat()) {
    assert.deepEqual(
      item.when?.split(' || ').map((clause) => clause.replace('editorLangId == ', '')),
      languages,
      item.command,
    );
  }
});

test("every runtime dependency earns its line in the README's design section, and nothing else is listed there", () => {
  const manifest = JSON.parse(readRepoFile('package.json')) as { dependencies: Record<string, string> };
  const readme = readRepoFile('README.md');
  const design = readme.slice(readme.indexOf('\n## Design\n'), readme.indexOf('\n## ', readme.indexOf('\n## Design\n') + 1));
  const listed = [...design.matchAll(/\*\*([@\w./-]+)\*\*/g)].map((match) => match[1]!).sort();
  assert.deepEqual(listed, Object.keys(manifest.dependencies).sort());
});

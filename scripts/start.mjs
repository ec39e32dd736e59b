#!/usr/bin/env node
// The main job: build the extension and open it in a real VS Code on examples/.
// Desktop VS Code (`code` on PATH) gets the extension in development mode; without it, a local
// code-server (VS Code 1.139 in the browser) is installed once and served at http://127.0.0.1:PORT.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALM_SETTINGS, SetupError, cacheDir, ensureEditor, installExtension, node24, root, serverArgs } from './editor.mjs';

const examples = join(root, 'examples');
const port = Number(process.env.PORT ?? 8080);

function hasDesktopCode() {
  return process.env.PROFILE_POLICY_SERVE !== '1' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

function packageExtension() {
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new SetupError('npm run package failed');
  return join(root, 'profile-policy.vsix');
}

try {
  if (hasDesktopCode()) {
    spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    console.log('Opening desktop VS Code with the extension in development mode…');
    spawn('code', [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit', detached: true }).unref();
  } else {
    const vsix = packageExtension();
    ensureEditor();
    const extensionsDir = join(cacheDir, 'serve', 'extensions');
    const userDataDir = join(cacheDir, 'serve', 'user-data');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    // A calm first view: no welcome page, chat or git prompts; examples/README.md opens, rendered, to say what to try.
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...CALM_SETTINGS, 'workbench.startupEditor': 'readme' }, null, 2));
    installExtension(vsix, extensionsDir);
    const server = spawn(node24, serverArgs({ port, userDataDir, extensionsDir, folder: examples }), { stdio: ['ignore', 'pipe', 'pipe'] });
    let announced = false;
    const announce = (chunk) => {
      if (!announced && /HTTP server listening/.test(chunk.toString())) {
        announced = true;
        console.log(`\nVS Code with profile-policy is ready: http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}\nPress Ctrl+C to stop.`);
      }
    };
    server.stdout.on('data', announce);
    server.stderr.on('data', announce);
    server.on('exit', (code) => process.exit(code ?? 0));
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
  }
} catch (error) {
  console.error(`profile-policy: ${error instanceof SetupError ? error.message : error.stack}`);
  process.exit(1);
}

// npm run test:vscode: the mocha suite inside desktop VS Code's extension host, via @vscode/test-electron.
// VSCODE_EXECUTABLE names an installed VS Code; otherwise test-electron downloads one (not possible
// offline: the error says so).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = join(mkdtempSync(join(tmpdir(), 'profile-policy-vscode-')), 'workspace');
cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'vscode', 'suite', 'index.js'),
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`VS Code API tests did not run or failed: ${error instanceof Error ? error.message : error}`);
  if (!process.env.VSCODE_EXECUTABLE)
    console.error('No VSCODE_EXECUTABLE was given and VS Code could not be downloaded: set VSCODE_EXECUTABLE to an installed VS Code.');
  process.exit(1);
}

// Runs a real VS Code (code-server 1.139) with the packaged extension, in headless Chromium driven by
// playwright-core. Installs what it needs on first use (scripts/editor.mjs) and says clearly what
// is missing when it cannot.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALM_SETTINGS, cacheDir, ensureEditor, installExtension, node24, root, serverArgs } from '../../scripts/editor.mjs';

export const artifacts = join(root, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium package (or set CHROMIUM_PATH).`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: cannot install Chromium`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

/** Packages the extension, starts code-server on a copy of the e2e workspace, opens it in Chromium. */
export async function launch() {
  ensureChromium();
  ensureEditor();
  const vsix = join(root, 'profile-policy.vsix');
  if (!existsSync(vsix)) throw new Error('profile-policy.vsix is missing: run npm run package first (npm run test:e2e does).');
  const { chromium } = await import('playwright-core');
  const home = mkdtempSync(join(tmpdir(), 'profile-policy-e2e-'));
  const workspace = join(home, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const extensionsDir = join(home, 'extensions');
  const userDataDir = join(home, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      ...CALM_SETTINGS,
      'workbench.startupEditor': 'none',
      'editor.hover.delay': 300,
      // Edits (typing, quick fixes) save themselves in the throwaway copy: no "save changes?" prompts.
      'files.autoSave': 'afterDelay',
      'files.autoSaveDelay': 200,
    }),
  );
  installExtension(vsix, extensionsDir);
  const port = await freePort();
  // Its own process group, so the whole tree ends with it.
  const server = spawn(node24, serverArgs({ port, userDataDir, extensionsDir, folder: workspace }), { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  server.stdout.on('data', (c) => (log += c));
  server.stderr.on('data', (c) => (log += c));
  const stop = async (browser) => {
    await browser?.close().catch(() => {});
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    mkdirSync(artifacts, { recursive: true });
    return { page, stop: () => stop(browser), log: () => log };
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\ncode-server log:\n${log}`);
  }
}

// ── helpers that drive the workbench ───────────────────────────────────────────────────────

export async function command(page, title) {
  const input = page.locator('.quick-input-widget input');
  // F1 can be lost, or its palette closed again, while a quick input from the step before is still
  // closing: open it until typing into it works.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Escape'); // close a hover, a suggestion or a closing quick input first
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 3_000 });
      await page.waitForTimeout(150);
      await input.fill(`>${title}`, { timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 4) throw new Error(`the command palette did not take "${title}": ${error.message}`);
    }
  }
  // Enter runs the focused row: wait until it is this very command, not a longer one that contains it.
  // The row's label may go on with a comma or a parenthesis ("View: Focus Problems (Errors, …)").
  await focusedRowIs(page, (label) => label === title || label.startsWith(`${title},`) || label.startsWith(`${title} (`));
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/** Waits until the quick input's focused row is the wanted one (the list filters as it is typed). */
async function focusedRowIs(page, wanted) {
  const focused = page.locator('.quick-input-list .monaco-list-row.focused').first();
  const deadline = Date.now() + 10_000;
  let label = '';
  while (Date.now() < deadline) {
    label = ((await focused.getAttribute('aria-label').catch(() => '')) ?? '').trim();
    if (wanted(label)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the quick input's focused row is "${label}"`);
}

/** Opens one file alone: closed documents drop their diagnostics, so Problems shows only this one. */
export async function openFile(page, name) {
  await command(page, 'View: Close All Editors');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await focusedRowIs(page, (label) => label.startsWith(name));
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 10_000 });
  await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  await command(page, 'View: Focus Active Editor Group');
  await goTo(page, 1, 1);
}

export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

/** The Problems panel's text, once it matches `expected` (diagnostics arrive a moment after opening). */
export async function problems(page, expected) {
  await command(page, 'View: Focus Problems');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const read = async () => (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).join('\n');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const text = await read();
    if (expected.test(text)) return text;
    await page.waitForTimeout(300);
  }
  return read();
}

/** The text of the frame (webviews live in nested iframes) that contains every marker. */
export async function frameText(page, markers, timeoutMs = 20_000) {
  const wanted = Array.isArray(markers) ? markers : [markers];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (wanted.every((m) => text.includes(m))) return text;
    }
    await page.waitForTimeout(300);
  }
  throw new Error(`no frame shows ${wanted.map((m) => `"${m}"`).join(' and ')}`);
}

/**
 * Accepts the suggestion whose row shows `label`, moving to it with the arrow keys as a person would (a
 * click would end a snippet's tab stops), whichever row the list focused first.
 */
export async function acceptSuggestion(page, label) {
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 20_000 });
  const wanted = Number(await row.getAttribute('data-index'));
  const focused = page.locator('.suggest-widget .monaco-list-row.focused').first();
  for (let moves = 0; moves < 50; moves++) {
    const at = Number(await focused.getAttribute('data-index'));
    if (at === wanted) break;
    await page.keyboard.press(at < wanted ? 'ArrowDown' : 'ArrowUp');
  }
  await page.keyboard.press('Enter');
}

export async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, name) });
}

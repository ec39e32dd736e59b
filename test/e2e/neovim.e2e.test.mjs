// Neovim (Debian's 0.7, its built-in LSP client) against `profile-policy lsp --stdio`, headless:
// the diagnostics of a policy arrive, and completion after "profile:Get" offers GetDomain.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../../scripts/editor.mjs';

function ensureNeovim() {
  if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error("Neovim is missing: install Debian's neovim package.");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'neovim'],
  ]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: cannot install Neovim`);
  }
}

test("Neovim's LSP client gets diagnostics and completion from profile-policy lsp --stdio", { timeout: 120_000 }, () => {
  ensureNeovim();
  const dir = mkdtempSync(join(tmpdir(), 'profile-policy-nvim-'));
  const policy = join(dir, 'policy.json');
  copyFileSync(join(root, 'examples', 'mistakes.json'), policy);
  const output = join(dir, 'result.json');
  // The same setup the user guide (MARKETPLACE.md, "Other editors") shows, plus a check that writes what Neovim saw.
  writeFileSync(
    join(dir, 'init.lua'),
    `
local client = vim.lsp.start_client({
  name = 'profile-policy',
  cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(join(root, 'dist', 'cli.js'))}, 'lsp', '--stdio' },
  root_dir = ${JSON.stringify(dir)},
})
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'json', 'yaml' },
  callback = function(args) vim.lsp.buf_attach_client(args.buf, client) end,
})
`,
  );
  writeFileSync(
    join(dir, 'check.lua'),
    `
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) >= 13 end, 100)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(diagnostics, { line = d.lnum + 1, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
end
-- Line 8 holds "profile:GetDomian": complete right after "profile:Get".
local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 7, character = 21 } }
local responses = vim.lsp.buf_request_sync(0, 'textDocument/completion', params, 10000) or {}
local labels = {}
for _, response in pairs(responses) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end
vim.fn.writefile({ vim.fn.json_encode({ waited = ok, diagnostics = diagnostics, labels = labels }) }, ${JSON.stringify(output)})
vim.cmd('qa!')
`,
  );
  const run = spawnSync('nvim', ['--headless', '-n', '-u', join(dir, 'init.lua'), policy, '-c', `luafile ${join(dir, 'check.lua')}`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, `nvim failed: ${run.stderr}`);
  const result = JSON.parse(readFileSync(output, 'utf8'));
  assert.equal(result.waited, true, 'diagnostics did not arrive');
  const codes = result.diagnostics.map((d) => `${d.line} ${d.code}`);
  for (const expected of ['2 version-invalid', '8 action-unknown', '20 principal-in-identity-policy', '28 duplicate-key'])
    assert.ok(codes.includes(expected), `${expected} not in ${codes.join(', ')}`);
  assert.ok(result.labels.includes('profile:GetDomain'), `completion: ${result.labels.slice(0, 10).join(', ')}`);
});

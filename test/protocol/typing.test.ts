// Typing into a big template over LSP: completion answers every request from the edited policy read
// again, without an analysis in between; the burst is analysed once when typing pauses; and a change
// that reuses a version number is never answered from what the server held for that number before.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateTemplate } from '../../bench/generate';
import { TestClient } from './lsp-client';

interface Stats {
  readonly spliced: number;
  readonly parsed: number;
  readonly analysed: number;
}

describe('typing over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());
  const stats = () => client.connection.sendRequest('profilePolicy/serverStats') as Promise<Stats>;

  test('a burst of keystrokes with completions: every answer from a splice, one analysis at the end, of the last text', async () => {
    const uri = 'file:///work/big.yaml';
    const text = generateTemplate(200 * 1024, 3).yaml;
    await client.open(uri, 'yaml', text);
    const start = await stats();
    // A new action typed into a list in the middle of the template, after "- profile:".
    const at = text.indexOf('- profile:', text.length >> 1) + '- profile:'.length;
    const line = text.slice(0, at).split('\n').length - 1;
    const column = at - text.lastIndexOf('\n', at - 1) - 1;
    const word = 'ListDomains';
    let version = 1;
    const labels: string[][] = [];
    for (let i = 0; i < word.length; i++) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character: column + i }, end: { line, character: column + i } }, text: word[i] }],
      });
      if (i % 3 === 2) {
        const list = (await client.connection.sendRequest('textDocument/completion', {
          textDocument: { uri },
          position: { line, character: column + i + 1 },
        })) as { items: Array<{ label: string }> };
        labels.push(list.items.map((item) => item.label).filter((l) => l.startsWith(`profile:${word.slice(0, i + 1)}`)));
      }
    }
    const typed = await stats();
    // Each request read only the edited policy; no analysis ran while the keys came.
    assert.equal(typed.analysed, start.analysed);
    assert.equal(typed.parsed, start.parsed);
    assert.equal(typed.spliced - start.spliced, labels.length);
    assert.deepEqual(labels.at(-1), ['profile:ListDomainLayouts', 'profile:ListDomainObjectTypes', 'profile:ListDomainObjects', 'profile:ListDomains']);
    const final = await client.nextDiagnostics(uri);
    assert.equal(final.version, version);
    const end = await stats();
    assert.equal(end.analysed - start.analysed, 1);
  });

  test('a change that reuses the version number is analysed and answered as the new text', async () => {
    const uri = 'file:///work/reused.json';
    const clean = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}';
    const first = await client.open(uri, 'json', clean);
    assert.deepEqual(first.diagnostics, []);
    const typo = clean.replace('GetDomain', 'GetDomian');
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: typo }] });
    const again = await published;
    assert.deepEqual(
      again.diagnostics.map((d) => d.code),
      ['action-unknown'],
    );
    // The quick fix comes from the findings of this text, not from those held for version 1 before.
    const at = typo.indexOf('profile:GetDomian');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: at }, end: { line: 0, character: at + 3 } },
      context: { diagnostics: again.diagnostics },
    })) as Array<{ title: string }>;
    assert.ok(
      actions.some((a) => a.title === 'Change to "profile:GetDomain"'),
      JSON.stringify(actions.map((a) => a.title)),
    );
  });
});

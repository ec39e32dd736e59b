// Settings as VS Code sends them: the client is asked for its settings when the connection is up, and
// also pushes them in a notification. The first file opened (the server starts for it) is analysed
// once, with the user's settings; the same settings again change nothing; new ones analyse again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from './lsp-client';

interface Stats {
  readonly analysed: number;
}

const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'profile:GetDomian', Resource: '*' }] }, null, 2);

describe('settings from a client that is asked for them', () => {
  let client: TestClient;
  /** What the client answers when asked: the user's settings, after a round trip. */
  let userSettings: Record<string, unknown> = { rules: { 'action-unknown': 'off' } };
  let asked = 0;
  before(async () => {
    client = new TestClient();
    client.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      asked++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return params.items.map(() => userSettings);
    });
    await client.initialize(undefined, { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } });
    // vscode-languageclient pushes the section too, right after initialized (synchronize.configurationSection).
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { profilePolicy: userSettings } });
  });
  after(async () => client.stop());
  const stats = () => client.connection.sendRequest('profilePolicy/serverStats') as Promise<Stats>;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

  test('the first document is analysed once, with the settings the client gives', async () => {
    const first = await client.open('file:///work/first.json', 'json', policy);
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      [],
    );
    await settle();
    assert.equal((await stats()).analysed, 1);
    assert.equal(client.published.length, 1);
    assert.ok(asked >= 1);
  });

  test('the same settings again: no new analysis, nothing published', async () => {
    const before = (await stats()).analysed;
    const published = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { profilePolicy: userSettings } });
    await settle();
    assert.equal((await stats()).analysed, before);
    assert.equal(client.published.length, published);
  });

  test('new settings: the open document is analysed again with them', async () => {
    userSettings = { rules: {} };
    const next = client.nextDiagnostics('file:///work/first.json');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { profilePolicy: userSettings } });
    assert.deepEqual(
      (await next).diagnostics.map((d) => d.code),
      ['action-unknown'],
    );
  });
});

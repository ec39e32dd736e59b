// Every service is known in depth, yet the server reads a service's data only when a document needs
// it: starting reads none, a Customer Profiles policy reads Customer Profiles alone, and completion of
// service prefixes (all 400 and more, from the bundled index) reads nothing more.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from './lsp-client';

interface Stats {
  readonly loadedServices: readonly string[];
}

const policy = (statements: ReadonlyArray<readonly [string, string]>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements.map(([Action, Resource]) => ({ Effect: 'Allow', Action, Resource })) }, null, 2);

describe('services read on first use, over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());
  const loaded = async () => [...((await client.connection.sendRequest('profilePolicy/serverStats')) as Stats).loadedServices].sort();

  test('starting reads no service; a policy reads the services it names and no other', async () => {
    assert.deepEqual(await loaded(), []);
    const uri = 'file:///work/profile.json';
    const text = policy([['profile:GetDomain', 'arn:aws:profile:us-east-1:111122223333:domains/retail']]);
    await client.open(uri, 'json', text);
    assert.deepEqual(await loaded(), ['profile']);
    // Service prefixes come from the index: offering every one of them reads none.
    const at = text.indexOf('profile:GetDomain');
    const lines = text.slice(0, at).split('\n');
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: lines.length - 1, character: lines.at(-1)!.length },
    })) as { items: Array<{ label: string }> };
    assert.ok(items.items.some((i) => i.label === 'ec2'));
    assert.deepEqual(await loaded(), ['profile']);
    await client.open(
      'file:///work/two.json',
      'json',
      policy([
        ['s3:GetObject', 'arn:aws:s3:::exports/*'],
        ['kms:Decrypt', 'arn:aws:kms:us-east-1:111122223333:key/1'],
      ]),
    );
    assert.deepEqual(await loaded(), ['kms', 'profile', 's3']);
  });
});

// The server never dies: a handler that throws is logged and answered empty, and the server goes on;
// closing documents drops their analyses, so the heap stays bounded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LogMessageNotification } from 'vscode-languageserver-protocol/node';
import { TestClient } from './lsp-client';

describe('server robustness over stdio', () => {
  let client: TestClient;
  const logged: string[] = [];
  before(async () => {
    client = new TestClient();
    client.connection.onNotification(LogMessageNotification.method, (...args: unknown[]) => {
      logged.push(String((args[0] as { message?: string } | undefined)?.message));
    });
    await client.initialize();
  });
  after(async () => client.stop());

  test('a request that makes a handler throw is logged and answered empty; the server keeps answering', async () => {
    const uri = 'file:///work/throw.json';
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:Get", "Resource": "*"}}';
    await client.open(uri, 'json', text);
    // A null position makes the completion handler fail inside.
    const broken = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: null });
    assert.equal(broken, null);
    const badSimulation = await client.connection.sendRequest('profilePolicy/simulate', {
      uri,
      position: { line: 0, character: 40 },
      scope: 'statement',
      request: { resource: 7 },
    });
    assert.equal(badSimulation, null);
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(
      logged.some((m) => m.startsWith('profile-policy: completion failed')),
      logged.join('\n'),
    );
    assert.ok(
      logged.some((m) => m.startsWith('profile-policy: simulate failed')),
      logged.join('\n'),
    );
    const healthy = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('profile:Get') + 'profile:Get'.length },
    })) as { items: Array<{ label: string }> };
    assert.ok(healthy.items.some((i) => i.label === 'profile:GetDomain'));
  });

  test('opening and closing 1,000 documents leaves no analysis behind and the heap bounded', async () => {
    const stats = () => client.connection.sendRequest('profilePolicy/serverStats') as Promise<{ documents: number; analyses: number; heapUsed: number }>;
    const policy = (i: number) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: Array.from({ length: 20 }, (_, j) => ({
          Sid: `S${i}x${j}`,
          Effect: 'Allow',
          Action: ['profile:Get*', 'profile:GetDomian'],
          Resource: `arn:aws:profile:us-east-1:111122223333:domains/d${i}`,
        })),
      });
    const cycle = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const uri = `file:///work/many/${i}.json`;
        const published = client.nextDiagnostics(uri);
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: policy(i) } });
        await published;
        const cleared = client.nextDiagnostics(uri);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await cleared;
      }
    };
    await cycle(0, 100);
    const warm = await stats();
    await cycle(100, 900);
    const end = await stats();
    assert.equal(end.analyses, warm.analyses);
    assert.ok(end.documents <= warm.documents);
    // Garbage may not be collected yet; a leak of 900 analyses (~50 KB each) would be far above this.
    assert.ok(end.heapUsed - warm.heapUsed < 24 * 1024 * 1024, `heap grew by ${((end.heapUsed - warm.heapUsed) / 1048576).toFixed(1)} MiB`);
  });
});

// The server never dies: a handler that throws is logged and answered empty, and the server goes on;
// closing documents drops their analyses, so the heap stays bounded. Protocol hygiene: params of the
// wrong shape get InvalidParams, requests after shutdown InvalidRequest, and the server ends with its input.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LogMessageNotification } from 'vscode-languageserver-protocol/node';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers';
import { TestClient } from './lsp-client';

/** The error a request was answered with, or a failure if it was answered. */
async function rejection(request: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    const answer = await request;
    assert.fail(`expected an error, got ${JSON.stringify(answer)}`);
  } catch (error) {
    if (!(error instanceof ResponseError)) throw error;
    return { code: error.code, message: error.message };
  }
}

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
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(
      logged.some((m) => m.startsWith('profile-policy: completion failed')),
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

  test('custom requests check their params and answer InvalidParams with what is wrong', async () => {
    const uri = 'file:///work/params.json';
    await client.open(uri, 'json', '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}');
    const at = { uri, position: { line: 0, character: 60 }, scope: 'statement' };
    const cases: Array<[string, unknown, string]> = [
      ['profilePolicy/simulationTarget', null, 'the params must be an object'],
      ['profilePolicy/simulationTarget', { ...at, uri: 7 }, 'uri must be the URI of an open document'],
      ['profilePolicy/simulationTarget', { ...at, scope: 'document' }, 'scope must be "statement" or "policy"'],
      ['profilePolicy/simulationTarget', { ...at, position: { line: -1, character: 0 } }, 'position needs a line and a character, whole numbers from 0'],
      ['profilePolicy/simulate', { ...at, request: { resource: 7 } }, 'the request needs an action, for example profile:GetDomain'],
      [
        'profilePolicy/simulate',
        { ...at, request: { action: 'profile:GetDomain', resource: '*', context: [1] } },
        'the context must be a JSON object of key → string or list of strings',
      ],
      [
        'profilePolicy/simulate',
        { ...at, request: { action: 'profile:GetDomain', resource: '*', context: { 'aws:SourceIp': { a: 1 } } } },
        'context key "aws:SourceIp" must be a string or a list of strings',
      ],
      ['profilePolicy/simulateAll', { ...at, resource: '*', context: 'x' }, 'the context must be a JSON object of key → string or list of strings'],
      ['profilePolicy/simulateAll', { ...at, context: {} }, 'resource must be an ARN or "*"'],
      ['profilePolicy/simulateAll', { ...at, resource: '*', services: 's3' }, 'services must be a list of service prefixes'],
      ['completionItem/resolve', { label: 7 }, 'the completion item needs its label'],
      ['completionItem/resolve', { data: { action: 'profile:GetDomain' } }, 'the completion item needs its label'],
    ];
    for (const [method, params, message] of cases) {
      assert.deepEqual(
        await rejection(client.connection.sendRequest(method, params)),
        { code: ErrorCodes.InvalidParams, message },
        `${method} ${JSON.stringify(params)}`,
      );
    }
    // Well-formed params still get their answer.
    const answer = (await client.connection.sendRequest('profilePolicy/simulate', { ...at, request: { action: 'profile:GetDomain', resource: '*' } })) as {
      decision: string;
    };
    assert.equal(answer.decision, 'Allow');
  });
});

describe('the end of a session', () => {
  test('requests after shutdown are answered with InvalidRequest', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'file:///work/late.json';
      await client.open(uri, 'json', '{"Version": "2012-10-17", "Statement": []}');
      await client.connection.sendRequest('shutdown');
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }],
        ['textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } }],
        ['profilePolicy/simulationTarget', { uri, position: { line: 0, character: 3 }, scope: 'policy' }],
      ] as const) {
        assert.deepEqual(await rejection(client.connection.sendRequest(method, params)), {
          code: ErrorCodes.InvalidRequest,
          message: 'The server is shutting down.',
        });
      }
    } finally {
      await client.stop();
    }
  });

  for (const [name, args] of [
    ['dist/server.js --stdio', [join(repoRoot, 'dist', 'server.js'), '--stdio']],
    ['profile-policy lsp --stdio', [join(repoRoot, 'dist', 'cli.js'), 'lsp', '--stdio']],
  ] as const) {
    test(`${name} exits when its standard input closes, even while the client process lives`, async () => {
      const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await new Promise((resolve) => child.stdout.once('data', resolve));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.stdin.end();
      const outcome = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 5000))]);
      if (outcome === 'still running') child.kill();
      // No shutdown request came first: LSP's exit code for that is 1.
      assert.equal(outcome, 1);
    });
  }
});

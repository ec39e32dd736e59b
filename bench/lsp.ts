// The figures a person feels, over LSP with the real server process: the first open after the server
// starts (cold) and later ones (warm), typing into the template with completions, and memory.
import { join } from 'node:path';
import { repoRoot } from '../test/helpers';
import { TestClient } from '../test/protocol/lsp-client';

type Record = (name: string, value: number, unit: string, goal?: { max: number }) => void;

const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const median = (values: number[]) => percentile(values, 50);

/** VS Code's client takes one edit range for a whole completion list. */
const VS_CODE_COMPLETION = {
  textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } },
};

const server = () => new TestClient([join(repoRoot, 'dist', 'server.js'), '--stdio']);

/**
 * A client that starts the server as VS Code does: it is asked for its settings once the connection is
 * up, and pushes them too (vscode-languageclient's synchronize.configurationSection); it takes one edit
 * range for a whole completion list.
 */
async function startLikeVsCode(): Promise<TestClient> {
  const client = server();
  client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  await client.initialize(undefined, {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    ...VS_CODE_COMPLETION,
  });
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { profilePolicy: {} } });
  return client;
}

/** yaml: the template; parseNow: times one plain parse of it in this process (ms), what each ratio divides by, taken just before what it divides. */
export async function lspFigures(yaml: string, parseNow: () => number, record: Record, collect: () => void): Promise<void> {
  // Cold: a fresh server each time, started as VS Code starts it, the template its first document.
  const cold: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const plain = parseNow();
    const started = process.hrtime.bigint();
    const client = await startLikeVsCode();
    try {
      const opened = process.hrtime.bigint();
      await client.open('file:///bench/first.yaml', 'yaml', yaml);
      cold.push(elapsed(opened) / plain);
      starts.push(elapsed(started));
    } finally {
      await client.stop();
    }
  }
  record('server start → first diagnostics (1 MiB YAML)', median(starts), 'ms');
  record('first open after start (cold): open → diagnostics ÷ yaml parse', median(cold), '×', { max: 2 });

  const client = server();
  try {
    await client.initialize(undefined, VS_CODE_COMPLETION);
    await client.open('file:///bench/first.yaml', 'yaml', yaml);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const plain = parseNow();
      collect();
      const t0 = process.hrtime.bigint();
      await client.open(`file:///bench/open-${i}.yaml`, 'yaml', yaml);
      warm.push(elapsed(t0) / plain);
    }
    record('later opens (warm): open → diagnostics ÷ yaml parse', median(warm), '×', { max: 1.5 });
    const stats = (await client.connection.sendRequest('profilePolicy/serverStats')) as { heapUsed: number; analyses: number };
    record(`server heap with ${stats.analyses} copies of the template open`, stats.heapUsed / 1048576, 'MiB');
    // Typing into one big template, as a person has it open: the copies are closed first.
    for (const uri of ['file:///bench/first.yaml', ...warm.map((_, i) => `file:///bench/open-${i}.yaml`)]) {
      const cleared = client.nextDiagnostics(uri);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await cleared;
    }
    await typing(client, yaml, parseNow, record);
  } finally {
    await client.stop();
  }
}

/**
 * A person typing new actions into a policy in the middle of the template: a keystroke every 3 ms, a
 * completion request every 20 characters, as an editor sends them. Each completion is timed from its
 * request to its answer; then the last keystroke to the diagnostics of the last version.
 */
async function typing(client: TestClient, yaml: string, parseNow: () => number, record: Record): Promise<void> {
  const uri = 'file:///bench/typing.yaml';
  await client.open(uri, 'yaml', yaml);
  const before = parseNow();
  const anchor = yaml.indexOf('- profile:', yaml.length >> 1);
  const lineEnd = yaml.indexOf('\n', anchor);
  let line = yaml.slice(0, lineEnd).split('\n').length - 1;
  const indent = anchor - yaml.lastIndexOf('\n', anchor) - 1;
  const names = ['GetProfileObjectType', 'ListDomains', 'SearchProfiles', 'PutProfileObject', 'GetMatches', 'ListProfileObjects'];
  const typed = names.map((name) => `\n${' '.repeat(indent)}- profile:${name}`).join('');
  let character = lineEnd - yaml.lastIndexOf('\n', lineEnd - 1) - 1;
  let version = 1;
  const latencies: Array<Promise<number>> = [];
  let lastKeystroke = process.hrtime.bigint();
  for (let i = 0; i < typed.length; i++) {
    const char = typed[i]!;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: char }],
    });
    lastKeystroke = process.hrtime.bigint();
    if (char === '\n') {
      line++;
      character = 0;
    } else character++;
    if (i % 20 === 19) {
      const sent = process.hrtime.bigint();
      latencies.push(
        client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } }).then(() => elapsed(sent)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  const finalVersion = version;
  for (;;) {
    const published = await client.nextDiagnostics(uri, 60_000);
    if (published.version === finalVersion) break;
  }
  const settled = elapsed(lastKeystroke);
  const times = await Promise.all(latencies);
  // The plain parse around the session: the mean of one just before and one just after.
  const plainYaml = (before + parseNow()) / 2;
  record(`typing: completion p95 (${times.length} requests while typing) ÷ yaml parse`, percentile(times, 95) / plainYaml, '×', { max: 1 });
  record('typing: last keystroke → final diagnostics (the pause before a run included) ÷ yaml parse', settled / plainYaml, '×', { max: 3 });
}

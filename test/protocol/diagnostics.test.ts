// The built server over stdio, driven by a real LSP client: diagnostics for JSON, YAML and templates.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readRepoFile, repoRoot } from '../helpers';
import { TestClient } from './lsp-client';

const summary = (params: { diagnostics: Array<{ code?: string | number; range: { start: { line: number; character: number } } }> }) =>
  params.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);

describe('language server over stdio (profile-policy lsp --stdio)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  test('publishes diagnostics for a JSON policy', async () => {
    const params = await client.open('file:///work/mistakes.json', 'json', readRepoFile('examples', 'mistakes.json'));
    assert.deepEqual(summary(params), [
      '2:14 version-invalid',
      '5:14 sid-invalid',
      '6:17 effect-invalid',
      '8:9 action-unknown',
      '9:9 action-unknown-service',
      '10:9 action-wildcard-no-match',
      '11:9 action-malformed',
      '16:7 resource-missing',
      '19:7 action-conflict',
      '19:7 allow-not-action',
      '20:7 principal-in-identity-policy',
      '23:14 sid-duplicate',
      '25:7 element-unknown',
      '28:7 duplicate-key',
    ]);
    const unknown = params.diagnostics.find((d) => d.code === 'action-unknown')!;
    assert.equal(unknown.source, 'profile-policy');
    assert.match(unknown.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\.md#action-unknown$/);
    assert.equal(unknown.severity, 1);
    assert.match(String(unknown.message), /Did you mean profile:GetDomain\?/);
    assert.deepEqual(unknown.range, { start: { line: 7, character: 8 }, end: { line: 7, character: 27 } });
  });

  test('publishes diagnostics for a YAML policy in an untitled document', async () => {
    const text = 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomian\n    Resource: "*"\n';
    const params = await client.open('untitled:Untitled-1', 'yaml', text);
    assert.deepEqual(summary(params), ['4:13 action-unknown']);
  });

  test('publishes diagnostics for a CloudFormation template, and nothing for a clean one', async () => {
    const params = await client.open('file:///work/mistakes.yaml', 'yaml', readRepoFile('examples', 'mistakes.yaml'));
    assert.deepEqual(summary(params), [
      '16:11 version-missing',
      '20:21 action-unknown',
      '21:21 action-case',
      '23:25 effect-invalid',
      '26:17 principal-in-identity-policy',
      '28:17 action-missing',
      '30:17 element-unknown',
    ]);
    const clean = await client.open('file:///work/roles.json', 'json', readRepoFile('examples', 'cloudformation-roles.json'));
    assert.deepEqual(clean.diagnostics, []);
  });

  test('a change is analysed again; closing clears the diagnostics', async () => {
    const uri = 'file:///work/edit.json';
    const first = await client.open(uri, 'json', '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}');
    assert.deepEqual(first.diagnostics, []);
    const changed = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 79 }, end: { line: 0, character: 79 } }, text: 'x' }],
    });
    assert.deepEqual(summary(await changed), ['1:70 action-unknown']);
    const closed = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await closed).diagnostics, []);
  });

  test('answers completion, hover and the outline from the open document', async () => {
    const uri = 'file:///work/features.yaml';
    const text = 'Version: "2012-10-17"\nStatement:\n  - Sid: Read\n    Effect: Allow\n    Action: profile:GetD\n    Resource: "*"\n';
    await client.open(uri, 'yaml', text);
    const completion = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 24 } })) as {
      items: Array<{ label: string; detail?: string }>;
    };
    const item = completion.items.find((i) => i.label === 'profile:GetDomain');
    assert.match(item?.detail ?? '', /^Read · get a specific domain/);
    // The documentation comes when the editor shows the item, by completionItem/resolve.
    assert.equal((item as { documentation?: unknown }).documentation, undefined);
    const resolved = (await client.connection.sendRequest('completionItem/resolve', item)) as { label: string; documentation?: { value: string } };
    assert.equal(resolved.label, 'profile:GetDomain');
    assert.match(resolved.documentation?.value ?? '', /Grants permission to get a specific domain in an account[\s\S]*API_GetDomain\.html/);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 20 } })) as {
      contents: { value: string };
    } | null;
    assert.equal(hover, null, 'GetD is not an action: no hover');
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Array<{
      name: string;
      children: Array<{ name: string }>;
    }>;
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children.map((c) => c.name)]),
      [['Policy', ['Read']]],
    );
  });

  test('offers the quick fixes of a diagnostic', async () => {
    const uri = 'file:///work/fix.json';
    await client.open(uri, 'json', '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomian", "Resource": "*"}}');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 70 }, end: { line: 0, character: 70 } },
      context: { diagnostics: [] },
    })) as Array<{ title: string; kind: string; edit: { changes: Record<string, Array<{ newText: string }>> } }>;
    const fix = actions.find((a) => a.kind === 'quickfix')!;
    assert.equal(fix.title, 'Change to "profile:GetDomain"');
    assert.equal(fix.edit.changes[uri]![0]!.newText, '"profile:GetDomain"');
  });

  test('simulates the statement or policy under a position, and offers CodeLenses for it', async () => {
    const uri = 'file:///work/agent.json';
    await client.open(uri, 'json', readRepoFile('examples', 'contact-centre-agent.json'));
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as Array<{
      range: { start: { line: number } };
      command: { title: string; command: string; arguments: unknown[] };
    }>;
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command.title]),
      [
        [0, '▷ Simulate policy'],
        [3, '▷ Simulate statement'],
        [25, '▷ Simulate statement'],
      ],
    );
    assert.equal(lenses[1]!.command.command, 'profilePolicy.simulateStatement');
    const position = { line: 10, character: 10 };
    const target = (await client.connection.sendRequest('profilePolicy/simulationTarget', { uri, position, scope: 'statement' })) as {
      label: string;
      actions: string[];
      resources: string[];
      contextKeys: Array<{ key: string; multivalued: boolean }>;
    };
    assert.equal(target.label, 'Policy › "WorkWithProfilesInTheirTeamsDomains"');
    assert.equal(target.actions.length, 7);
    assert.deepEqual(target.resources, ['arn:aws:profile:us-east-1:111122223333:domains/*', 'arn:aws:profile:us-east-1:111122223333:domains/*/object-types/*']);
    // The statement compares aws:ResourceTag/team with ${aws:PrincipalTag/team}: both decide the answer, both are asked.
    assert.deepEqual(target.contextKeys, [
      { key: 'aws:ResourceTag/team', multivalued: false, examples: [] },
      { key: 'aws:PrincipalTag/team', multivalued: false, examples: [] },
    ]);
    const request = {
      action: 'profile:SearchProfiles',
      resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail',
      context: { 'aws:ResourceTag/team': 'blue', 'aws:PrincipalTag/team': 'red' },
    };
    const result = (await client.connection.sendRequest('profilePolicy/simulate', { uri, position, scope: 'statement', request })) as {
      decision: string;
      statements: Array<{ conditions: Array<{ matched: boolean; range: { start: { line: number } } }> }>;
    };
    assert.equal(result.decision, 'ImplicitDeny');
    assert.equal(result.statements[0]!.conditions[0]!.matched, false);
    assert.equal(result.statements[0]!.conditions[0]!.range.start.line, 21); // "aws:ResourceTag/team" on line 22
    const all = (await client.connection.sendRequest('profilePolicy/simulateAll', {
      uri,
      position,
      scope: 'policy',
      resource: request.resource,
      context: { 'aws:ResourceTag/team': 'blue', 'aws:PrincipalTag/team': 'blue' },
    })) as { rows: Array<{ action: string; decision: string }> };
    assert.equal(all.rows.length, 117);
    const decisions = Object.fromEntries(all.rows.map((r) => [r.action, r.decision]));
    assert.equal(decisions['profile:SearchProfiles'], 'Allow');
    assert.equal(decisions['profile:DeleteProfile'], 'ExplicitDeny');
    assert.equal(decisions['profile:CreateDomain'], 'ImplicitDeny');
  });

  test('a file without a policy stays silent', async () => {
    const params = await client.open('file:///work/package.json', 'json', readRepoFile('package.json'));
    assert.deepEqual(params.diagnostics, []);
  });
});

describe('language server started as VS Code starts it (dist/server.js)', () => {
  test('answers over stdio with the same diagnostics, honouring settings from initializationOptions', async () => {
    const client = new TestClient([join(repoRoot, 'dist', 'server.js'), '--stdio']);
    try {
      await client.initialize({ settings: { rules: { 'action-unknown': 'warning' } } });
      const params = await client.open(
        'file:///work/p.json',
        'json',
        '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomian", "Resource": "*"}}',
      );
      assert.deepEqual(
        params.diagnostics.map((d) => [d.code, d.severity]),
        [['action-unknown', 2]],
      );
    } finally {
      await client.stop();
    }
  });
});

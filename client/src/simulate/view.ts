// The result view: decision, reason, and every statement and condition, each a link back to its place.
import * as vscode from 'vscode';
import type { RangedStatementTrace, SimulateAllResult, SimulateResult } from '../../../server/src/protocol';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let panel: vscode.WebviewPanel | undefined;
let documentUri: vscode.Uri | undefined;

function ensurePanel(title: string): vscode.WebviewPanel {
  if (!panel) {
    panel = vscode.window.createWebviewPanel(
      'profilePolicy.simulation',
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: true },
    );
    panel.onDidDispose(() => (panel = undefined));
    // A click on a statement or condition reveals it in the policy.
    panel.webview.onDidReceiveMessage(async (message: { reveal?: vscode.Range }) => {
      if (!message.reveal || !documentUri) return;
      const { start, end } = message.reveal;
      const range = new vscode.Range(start.line, start.character, end.line, end.character);
      await vscode.window.showTextDocument(documentUri, { selection: range, viewColumn: vscode.ViewColumn.One });
    });
  }
  panel.title = title;
  return panel;
}

function page(body: string, nonce: string, cspSource: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
.decision { font-size: 1.6em; font-weight: 600; margin: .6em 0 .2em; }
.Allow { color: var(--vscode-testing-iconPassed, #3fb950); } .ExplicitDeny { color: var(--vscode-errorForeground, #f85149); } .ImplicitDeny { color: var(--vscode-editorWarning-foreground, #d29922); }
.statement { border-left: 3px solid var(--vscode-panel-border); margin: .8em 0; padding: .2em .8em; }
.statement.applies { border-color: var(--vscode-focusBorder); }
a { color: var(--vscode-textLink-foreground); cursor: pointer; text-decoration: none; }
table { border-collapse: collapse; } td, th { padding: .15em .6em; text-align: left; vertical-align: top; }
code { font-family: var(--vscode-editor-font-family); }
.ok::before { content: "✔ "; color: var(--vscode-testing-iconPassed, #3fb950); } .no::before { content: "✘ "; color: var(--vscode-errorForeground, #f85149); }
.warning { color: var(--vscode-editorWarning-foreground, #d29922); }
</style></head><body>${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('[data-range]');
  if (link) vscode.postMessage({ reveal: JSON.parse(link.dataset.range) });
});
</script></body></html>`;
}

function nonce(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}

const link = (text: string, range: unknown) => (range ? `<a data-range='${escape(JSON.stringify(range))}'>${text}</a>` : text);

function statementHtml(s: RangedStatementTrace): string {
  const name = s.sid ? `“${escape(s.sid)}”` : `Statement ${s.index + 1}`;
  const line = (ok: boolean, text: string, range: unknown) => `<div class="${ok ? 'ok' : 'no'}">${link(escape(text), range)}</div>`;
  const conditions = s.conditions.map((c) => line(c.matched, `${c.operator} ${c.key}: ${c.reason}`, c.range)).join('');
  return `<div class="statement ${s.applies ? 'applies' : ''}">
<div class="${s.applies ? 'ok' : 'no'}"><strong>${link(name, s.range)}</strong> (${escape(s.effect)}) — ${escape(s.reason)}</div>
${line(s.action.matched, s.action.reason, s.action.range)}${line(s.resource.matched, s.resource.reason, s.resource.range)}${conditions}</div>`;
}

export function showResult(uri: vscode.Uri, result: SimulateResult): void {
  documentUri = uri;
  const view = ensurePanel(`Simulation: ${result.decision}`);
  const context = Object.entries(result.request.context ?? {});
  const body = `<div class="decision ${result.decision}">${result.decision}</div>
<p>${escape(result.reason)}</p>
${result.warnings.map((w) => `<p class="warning">⚠ ${escape(w)}</p>`).join('')}
<table><tr><th>Policy</th><td>${escape(result.label)}</td></tr>
<tr><th>Action</th><td><code>${escape(result.request.action)}</code></td></tr>
<tr><th>Resource</th><td><code>${escape(result.request.resource)}</code></td></tr>
${context.map(([k, v]) => `<tr><th>${escape(k)}</th><td><code>${escape(Array.isArray(v) ? v.join(', ') : String(v))}</code></td></tr>`).join('')}</table>
<h3>Statement by statement</h3>${result.statements.map(statementHtml).join('')}`;
  view.webview.html = page(body, nonce(), view.webview.cspSource);
  view.reveal(vscode.ViewColumn.Beside, true);
}

export function showTable(uri: vscode.Uri, resource: string, result: SimulateAllResult): void {
  documentUri = uri;
  const view = ensurePanel('Simulation: all actions');
  const counts = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0, Undetermined: 0 };
  for (const row of result.rows) counts[row.decision]++;
  const rows = result.rows
    .map(
      (r) =>
        `<tr><td><code>${escape(r.action)}</code></td><td>${escape(r.accessLevel)}</td><td class="${r.decision}">${r.decision}</td><td>${escape(r.reason)}</td></tr>`,
    )
    .join('');
  const body = `<h2>${escape(result.label)}</h2><p>On <code>${escape(resource)}</code>: ${counts.Allow} allowed, ${counts.ExplicitDeny} denied explicitly, ${counts.ImplicitDeny} denied by default.</p>
<table><tr><th>Action</th><th>Access level</th><th>Decision</th><th>Why</th></tr>${rows}</table>`;
  view.webview.html = page(body, nonce(), view.webview.cspSource);
  view.reveal(vscode.ViewColumn.Beside, true);
}

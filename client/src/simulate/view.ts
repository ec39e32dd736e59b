// The result view: decision, reason, and every statement and condition, each a link back to its place.
import * as vscode from 'vscode';
import { conditionLine, type RangedStatementTrace, type SimulateAllResult, type SimulateResult } from '../../../server/src/protocol';

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
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em 2em; max-width: 100%; overflow-wrap: anywhere; }
.decision { font-size: 1.6em; font-weight: 600; margin: .6em 0 .2em; }
.Allow { color: var(--vscode-testing-iconPassed, #3fb950); } .ExplicitDeny { color: var(--vscode-errorForeground, #f85149); }
.ImplicitDeny { color: var(--vscode-editorWarning-foreground, #d29922); } .Undetermined { color: var(--vscode-textLink-foreground, #3794ff); }
.statement { border-left: 3px solid var(--vscode-panel-border); margin: .8em 0; padding: .2em .8em; }
.statement.applies { border-color: var(--vscode-focusBorder); }
a { color: var(--vscode-textLink-foreground); cursor: pointer; text-decoration: none; }
table { border-collapse: collapse; width: 100%; } td, th { padding: .2em .6em; text-align: left; vertical-align: top; }
th { white-space: nowrap; } tr.group th { padding-top: 1em; font-size: 1.05em; border-bottom: 1px solid var(--vscode-panel-border); }
code { font-family: var(--vscode-editor-font-family); white-space: pre-wrap; word-break: break-all; }
.ok::before { content: "✔ "; color: var(--vscode-testing-iconPassed, #3fb950); } .no::before { content: "✘ "; color: var(--vscode-errorForeground, #f85149); }
.open::before { content: "? "; color: var(--vscode-textLink-foreground, #3794ff); font-weight: 600; }
.warning { color: var(--vscode-editorWarning-foreground, #d29922); }
input[type=search] { width: min(32em, 100%); padding: .3em .5em; margin: .4em 0 .6em; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); }
</style></head><body>${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('[data-range]');
  if (link) vscode.postMessage({ reveal: JSON.parse(link.dataset.range) });
});
// The all-actions table: typing in the filter keeps the rows whose text has every word typed.
const filter = document.getElementById('filter');
if (filter) filter.addEventListener('input', () => {
  const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
  for (const row of document.querySelectorAll('tr.row')) row.hidden = !words.every((w) => row.textContent.toLowerCase().includes(w));
  for (const group of document.querySelectorAll('tr.group')) {
    const rows = document.querySelectorAll('tr.row[data-decision="' + group.dataset.decision + '"]');
    group.hidden = [...rows].every((r) => r.hidden);
  }
});
</script></body></html>`;
}

function nonce(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}

const link = (text: string, range: unknown) => (range ? `<a data-range='${escape(JSON.stringify(range))}'>${text}</a>` : text);

/** ✔ matched, ✘ did not, ? depends on what only the deployment decides. */
const mark = (trace: { matched?: boolean; applies?: boolean; undetermined?: boolean }) =>
  trace.undetermined ? 'open' : (trace.matched ?? trace.applies) ? 'ok' : 'no';

function statementHtml(s: RangedStatementTrace): string {
  const name = s.sid ? `“${escape(s.sid)}”` : `Statement ${s.index + 1}`;
  const line = (trace: { matched: boolean; undetermined?: boolean }, text: string, range: unknown) =>
    `<div class="${mark(trace)}">${link(escape(text), range)}</div>`;
  const conditions = s.conditions.map((c) => line(c, conditionLine(c), c.range)).join('');
  return `<div class="statement ${s.applies ? 'applies' : ''}">
<div class="${mark(s)}"><strong>${link(name, s.range)}</strong> (${escape(s.effect)}) — ${escape(s.reason)}</div>
${line(s.action, s.action.reason, s.action.range)}${line(s.resource, s.resource.reason, s.resource.range)}${conditions}</div>`;
}

export function showResult(uri: vscode.Uri, result: SimulateResult, scope: 'statement' | 'policy'): void {
  documentUri = uri;
  const view = ensurePanel(`${scope === 'statement' ? 'Simulate statement' : 'Simulate policy'}: ${result.decision}`);
  const context = [...Object.entries(result.request.context ?? {}), ...Object.entries(result.request.parameters ?? {})];
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

const DECISION_ORDER = ['Allow', 'ExplicitDeny', 'Undetermined', 'ImplicitDeny'] as const;
const DECISION_TITLES: Readonly<Record<(typeof DECISION_ORDER)[number], string>> = {
  Allow: 'Allowed',
  ExplicitDeny: 'Denied explicitly',
  Undetermined: 'Decided at deploy time',
  ImplicitDeny: 'Denied by default',
};
const LEVEL_ORDER = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

export function showTable(uri: vscode.Uri, resource: string, result: SimulateAllResult): void {
  documentUri = uri;
  const view = ensurePanel('Simulate all actions');
  const level = (text: string) => {
    const i = LEVEL_ORDER.indexOf(text.split(',')[0]!.trim());
    return i < 0 ? LEVEL_ORDER.length : i;
  };
  const groups = DECISION_ORDER.map((decision) => ({
    decision,
    rows: result.rows.filter((r) => r.decision === decision).sort((a, b) => level(a.accessLevel) - level(b.accessLevel) || a.action.localeCompare(b.action)),
  }));
  const summary = groups.map((g) => `${g.rows.length} ${DECISION_TITLES[g.decision].toLowerCase()}`).join(', ');
  const body = groups
    .filter((g) => g.rows.length > 0)
    .map(
      (g) =>
        `<tr class="group" data-decision="${g.decision}"><th colspan="3" class="${g.decision}">${DECISION_TITLES[g.decision]} (${g.rows.length})</th></tr>` +
        g.rows
          .map(
            (r) =>
              `<tr class="row" data-decision="${g.decision}"><td><code>${escape(r.action)}</code></td><td>${escape(r.accessLevel)}</td><td>${escape(r.reason)}</td></tr>`,
          )
          .join(''),
    )
    .join('');
  const html = `<h2>${escape(result.label)}</h2><p>On <code>${escape(resource)}</code>: ${summary}.</p>
<input id="filter" type="search" placeholder="Filter by action, access level or reason" aria-label="Filter">
<table><tr><th>Action</th><th>Access level</th><th>Why</th></tr>${body}</table>`;
  view.webview.html = page(html, nonce(), view.webview.cspSource);
  view.reveal(vscode.ViewColumn.Beside, true);
}

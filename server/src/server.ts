// LSP wiring only: capabilities, document sync, settings, debounce. All answers come from service.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatForLanguage } from './formats/registry';
import {
  ServerStatsRequest,
  SimulateAllRequest,
  SimulateRequest,
  SimulationTargetRequest,
  type ServerStats,
  type SimulateAllParams,
  type SimulateParams,
  type SimulationTargetParams,
} from './protocol';
import { AnalysisCache, completion, diagnostics, hoverAt, lenses, quickFixes, simulate, simulateAllActions, symbols, target, type Analysis } from './service';
import { validateRequest } from './simulate/run';
import { DEFAULT_SETTINGS, readSettings } from './rules/settings';

const DEBOUNCE_MS = 200;

/** docs/rules.md ships beside dist/ (in the .vsix and the npm package); link each diagnostic to it. */
function rulesDocUri(): string | undefined {
  const file = join(__dirname, '..', 'docs', 'rules.md');
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const docsUri = rulesDocUri();
  const cache = new AnalysisCache();
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; version: number }>();
  let pullConfiguration = false;

  const analysisOf = (document: TextDocument): Analysis | undefined => {
    const format = formatForLanguage(document.languageId);
    return format ? cache.get(document.uri, document.version, () => document.getText(), format) : undefined;
  };

  const publish = (document: TextDocument): void => {
    pending.delete(document.uri);
    guarded('diagnostics', () => {
      const analysis = analysisOf(document);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: analysis ? diagnostics(analysis, docsUri) : [] });
    });
  };

  const schedule = (document: TextDocument, delay: number): void => {
    const current = pending.get(document.uri);
    // didOpen also fires a content change for the same version: keep the immediate run.
    if (current && current.version === document.version && delay > 0) return;
    if (current) clearTimeout(current.timer);
    pending.set(document.uri, { timer: setTimeout(() => publish(document), delay), version: document.version });
  };

  /** A failing feature must never take the server down: log it, answer empty. */
  function guarded<T>(what: string, run: () => T, fallback?: T): T | undefined {
    try {
      return run();
    } catch (error) {
      connection.console.error(`profile-policy: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  const refreshSettings = async (pushed?: unknown): Promise<void> => {
    let raw: unknown = pushed;
    if (pullConfiguration) raw = await connection.workspace.getConfiguration('profilePolicy');
    cache.updateSettings(raw === undefined ? DEFAULT_SETTINGS : readSettings(raw, (m) => connection.console.warn(`profile-policy settings: ${m}`)));
    for (const document of documents.all()) schedule(document, 0);
  };

  connection.onInitialize((params) => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) cache.updateSettings(readSettings(options.settings));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 /* incremental */ },
        completionProvider: { triggerCharacters: ['"', ':', '/', '{', ' ', '$'] },
        hoverProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'profile-policy' },
    };
  });
  connection.onInitialized(() => {
    if (pullConfiguration) void refreshSettings();
  });
  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { profilePolicy?: unknown } | undefined)?.profilePolicy;
    void refreshSettings(settings);
  });

  /** Completion and hover read the analysis of the current version: parsed once, then cached. */
  const withAnalysis = <T>(what: string, uri: string, fallback: T, answer: (analysis: Analysis, document: TextDocument) => T): T => {
    const document = documents.get(uri);
    if (!document) return fallback;
    return (
      guarded(
        what,
        () => {
          const analysis = analysisOf(document);
          return analysis ? answer(analysis, document) : fallback;
        },
        fallback,
      ) ?? fallback
    );
  };
  connection.onCompletion((params) =>
    withAnalysis('completion', params.textDocument.uri, null, (analysis, document) => completion(analysis, document.offsetAt(params.position))),
  );
  connection.onHover((params) =>
    withAnalysis('hover', params.textDocument.uri, null, (analysis, document) => hoverAt(analysis, document.offsetAt(params.position))),
  );
  connection.onCodeAction((params) =>
    withAnalysis('code actions', params.textDocument.uri, [], (analysis, document) =>
      quickFixes(analysis, params.textDocument.uri, { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) }),
    ),
  );
  connection.onCodeLens((params) => withAnalysis('code lenses', params.textDocument.uri, [], (analysis) => lenses(analysis, params.textDocument.uri)));
  connection.onRequest(SimulationTargetRequest, (params: SimulationTargetParams) =>
    withAnalysis('simulation target', params.uri, null, (analysis, document) => target(analysis, document.offsetAt(params.position), params.scope) ?? null),
  );
  connection.onRequest(SimulateRequest, (params: SimulateParams) =>
    withAnalysis(
      'simulate',
      params.uri,
      null,
      (analysis, document) => simulate(analysis, document.offsetAt(params.position), params.scope, validateRequest(params.request)) ?? null,
    ),
  );
  connection.onRequest(SimulateAllRequest, (params: SimulateAllParams) =>
    withAnalysis(
      'simulate all',
      params.uri,
      null,
      (analysis, document) => simulateAllActions(analysis, document.offsetAt(params.position), params.scope, params.resource, params.context) ?? null,
    ),
  );
  connection.onRequest(ServerStatsRequest, (): ServerStats => ({
    documents: documents.all().length,
    analyses: cache.size,
    heapUsed: process.memoryUsage().heapUsed,
  }));
  connection.onDocumentSymbol((params) => withAnalysis('symbols', params.textDocument.uri, [], (analysis) => symbols(analysis)));

  documents.onDidOpen((event) => schedule(event.document, 0));
  documents.onDidChangeContent((event) => schedule(event.document, DEBOUNCE_MS));
  documents.onDidClose((event) => {
    const current = pending.get(event.document.uri);
    if (current) clearTimeout(current.timer);
    pending.delete(event.document.uri);
    cache.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}

// LSP wiring only: capabilities, document sync, settings, when diagnostics run. Answers come from
// service.ts over the models and analyses the DocumentStore keeps.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionTriggerKind, ErrorCodes, ResponseError, TextDocuments, type Connection, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from './documents';
import { typingDocuments } from './text-buffer';
import { formatForLanguage } from './formats/registry';
import type { Format } from './model/format';
import {
  InvalidParamsError,
  NewPolicyRequest,
  readCompletionItem,
  readNewPolicyParams,
  readSimulateAllParams,
  readTargetParams,
  ServerStatsRequest,
  SimulateAllRequest,
  SimulateRequest,
  SimulationTargetRequest,
  SUGGEST_AT_NEXT_STOP_COMMAND,
  type InitializationOptions,
  type ServerStats,
} from './protocol';
import {
  diagnostics,
  completion,
  resolveCompletion,
  hoverAt,
  lenses,
  newPolicy,
  quickFixes,
  simulate,
  simulateAllActions,
  symbols,
  target,
  type Analysis,
  type CompletionOptions,
} from './service';
import { SimulationInputError, validateContext, validateParameters, validateRequest } from './simulate/run';
import { DEFAULT_SETTINGS, readSettings } from './rules/settings';
import { diagnosticsDelay, type LastRun } from './pacing';

/** The longest the first diagnostics wait for the client's settings. */
const SETTINGS_WAIT_MS = 2000;

/** docs/rules.md ships beside dist/ (in the .vsix and the npm package); link each diagnostic to it. */
function rulesDocUri(): string | undefined {
  const file = join(__dirname, '..', 'docs', 'rules.md');
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(typingDocuments);
  const docsUri = rulesDocUri();
  const store = new DocumentStore();
  /** The pending diagnostics run of each document, and the version it was scheduled for. */
  const timers = new Map<string, { readonly timer: ReturnType<typeof setTimeout>; readonly version: number }>();
  let pullConfiguration = false;
  let shuttingDown = false;

  /** A failing feature must never take the server down: log it, answer empty. */
  function guarded<T>(what: string, run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`profile-policy: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  /** Requests after shutdown are an error (LSP: InvalidRequest); params of the wrong shape, InvalidParams. */
  function checked<P>(read: () => P): P {
    if (shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
    try {
      return read();
    } catch (error) {
      if (error instanceof InvalidParamsError || error instanceof SimulationInputError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
      throw error;
    }
  }

  const opened = (uri: string): { document: TextDocument; format: Format } | undefined => {
    const document = documents.get(uri);
    const format = document && formatForLanguage(document.languageId);
    return document && format ? { document, format } : undefined;
  };

  /** What was last published for each document: the same findings for the same version are sent once. */
  const published = new Map<string, { readonly analysis: Analysis; readonly version: number }>();
  /** What each document's last run cost, which sets how long the next waits for typing to pause. */
  const lastRuns = new Map<string, LastRun>();

  /** Diagnostics of the document's text at the time they run: a burst of edits is analysed once, at its end. */
  const publish = (uri: string): void => {
    const open = opened(uri);
    // A run that waited for the settings may come after shutdown: nothing more is sent then.
    if (!open || shuttingDown) return;
    const { document, format } = open;
    guarded(
      'diagnostics',
      () => {
        const started = performance.now();
        const analysis = store.analysis(uri, document.getText(), format);
        // New settings that arrive while the first run waits for them schedule another, for the same findings.
        const last = published.get(uri);
        if (last?.analysis === analysis && last.version === document.version) return;
        published.set(uri, { analysis, version: document.version });
        const sent = diagnostics(analysis, docsUri);
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics: sent });
        lastRuns.set(uri, { milliseconds: performance.now() - started, diagnostics: sent.length });
      },
      undefined,
    );
  };

  const schedule = (document: TextDocument, delay: number): void => {
    const current = timers.get(document.uri);
    if (current) clearTimeout(current.timer);
    const entry = {
      timer: setTimeout(() => {
        if (timers.get(document.uri) === entry) timers.delete(document.uri);
        void settingsReady.then(() => publish(document.uri));
      }, delay),
      version: document.version,
    };
    timers.set(document.uri, entry);
  };

  /** Settings that differ from those in use: every open document is analysed again. The same ones again change nothing. */
  const refreshSettings = async (pushed?: unknown): Promise<void> => {
    let raw: unknown = pushed;
    if (pullConfiguration) raw = await connection.workspace.getConfiguration('profilePolicy');
    const settings = raw === undefined ? DEFAULT_SETTINGS : readSettings(raw, (m) => connection.console.warn(`profile-policy settings: ${m}`));
    if (store.updateSettings(settings)) for (const document of documents.all()) schedule(document, 0);
  };

  /**
   * The client's settings, asked for once the connection is up: the first diagnostics wait for them, or
   * the first file opened (the server starts for it) would be analysed with the defaults and again with
   * the user's settings. Never longer than SETTINGS_WAIT_MS, in case a client does not answer.
   */
  let settingsReady: Promise<unknown> = Promise.resolve();
  /** Whether the client takes one edit range for a whole completion list (VS Code does; Neovim 0.7 does not). */
  let completionOptions: CompletionOptions = {};

  connection.onInitialize((params) => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as InitializationOptions | undefined;
    completionOptions = {
      editRangeDefault: params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true,
      suggestAtNextStop: Array.isArray(options?.commands) && options.commands.includes(SUGGEST_AT_NEXT_STOP_COMMAND),
    };
    if (options?.settings) store.updateSettings(readSettings(options.settings));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 /* incremental */ },
        completionProvider: { triggerCharacters: ['"', ':', '/', '{', ' ', '$'], resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'profile-policy' },
    };
  });
  connection.onInitialized(() => {
    if (!pullConfiguration) return;
    settingsReady = Promise.race([refreshSettings().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS).unref())]);
  });
  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { profilePolicy?: unknown } | undefined)?.profilePolicy;
    void refreshSettings(settings);
  });
  connection.onShutdown(() => {
    shuttingDown = true;
    for (const { timer } of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  /**
   * Requests on a document: the model of the current text (only the edited policy read again) and the
   * findings if they are done; never the rules. `position`: where completion asks, which outside every
   * policy needs the whole text read (DocumentStore.snapshot).
   */
  const atModel = <T>(what: string, uri: string, fallback: T, answer: (snapshot: Analysis, document: TextDocument) => T, position?: Position): T => {
    const open = opened(uri);
    if (!open) return fallback;
    const at = position && open.document.offsetAt(position);
    return guarded(what, () => answer(store.snapshot(uri, open.document.getText(), open.format, at), open.document), fallback);
  };

  connection.onCompletion((params) =>
    atModel(
      'completion',
      checked(() => params.textDocument.uri),
      null,
      (snapshot, document) =>
        completion(snapshot, document.offsetAt(params.position), undefined, {
          ...completionOptions,
          ...(params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? { triggerCharacter: params.context.triggerCharacter } : {}),
        }),
      params.position,
    ),
  );
  connection.onCompletionResolve((item) => guarded('completion resolve', () => resolveCompletion(checked(() => readCompletionItem(item))), item));
  connection.onHover((params) =>
    atModel(
      'hover',
      checked(() => params.textDocument.uri),
      null,
      (snapshot, document) => hoverAt(snapshot, document.offsetAt(params.position)),
    ),
  );
  connection.onCodeAction((params) =>
    atModel(
      'code actions',
      checked(() => params.textDocument.uri),
      [],
      (snapshot, document) =>
        quickFixes(snapshot, params.textDocument.uri, { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) }),
    ),
  );
  connection.onCodeLens((params) =>
    atModel(
      'code lenses',
      checked(() => params.textDocument.uri),
      [],
      (snapshot) => lenses(snapshot, params.textDocument.uri),
    ),
  );
  connection.onDocumentSymbol((params) =>
    atModel(
      'symbols',
      checked(() => params.textDocument.uri),
      [],
      (snapshot) => symbols(snapshot),
    ),
  );

  connection.onRequest(SimulationTargetRequest, (raw: unknown) => {
    const params = checked(() => readTargetParams(raw));
    return atModel('simulation target', params.uri, null, (snapshot, document) => target(snapshot, document.offsetAt(params.position), params.scope) ?? null);
  });
  connection.onRequest(SimulateRequest, (raw: unknown) => {
    const params = checked(() => ({ ...readTargetParams(raw), request: validateRequest((raw as { request?: unknown }).request) }));
    return atModel(
      'simulate',
      params.uri,
      null,
      (snapshot, document) => simulate(snapshot, document.offsetAt(params.position), params.scope, params.request) ?? null,
    );
  });
  connection.onRequest(SimulateAllRequest, (raw: unknown) => {
    const params = checked(() => readSimulateAllParams(raw, validateContext, validateParameters));
    return atModel(
      'simulate all',
      params.uri,
      null,
      (snapshot, document) =>
        simulateAllActions(
          snapshot,
          document.offsetAt(params.position),
          params.scope,
          params.resource,
          params.context,
          params.parameters,
          undefined,
          params.services,
        ) ?? null,
    );
  });
  connection.onRequest(NewPolicyRequest, (raw: unknown) => newPolicy(checked(() => readNewPolicyParams(raw))));
  connection.onRequest(ServerStatsRequest, (): ServerStats => {
    // Started with --expose-gc (as the bench does), the heap is measured after a collection: a steady figure.
    (globalThis as { gc?: () => void }).gc?.();
    return {
      documents: documents.all().length,
      analyses: store.size,
      ...store.counts,
      loadedServices: store.loadedServices,
      heapUsed: process.memoryUsage().heapUsed,
    };
  });

  documents.onDidOpen((event) => schedule(event.document, 0));
  documents.onDidChangeContent((event) => {
    // didOpen fires a content change for the same version: keep its immediate run. (A pending run reads
    // the text when it fires, so a change that reuses the version is never lost either.)
    if (timers.get(event.document.uri)?.version === event.document.version) return;
    schedule(event.document, diagnosticsDelay(lastRuns.get(event.document.uri)));
  });
  documents.onDidClose((event) => {
    const pending = timers.get(event.document.uri);
    if (pending) clearTimeout(pending.timer);
    timers.delete(event.document.uri);
    published.delete(event.document.uri);
    lastRuns.delete(event.document.uri);
    store.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}

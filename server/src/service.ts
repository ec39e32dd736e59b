// The language service: pure functions over (document model, catalogue, settings), in the manner of
// vscode-json-languageservice. server.ts only wires LSP to these; the CLI and tests call them directly.
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { bundledCatalog } from './catalog/bundled';
import type { Catalog } from './catalog/catalog';
import { codeActions } from './features/code-actions';
import { complete, resolveCompletionItem, type CompletionOptions } from './features/completion';
import { toDiagnostic } from './features/diagnostics';
import { hover } from './features/hover';
import { simulateAll, simulateAt, simulationLenses, simulationTarget } from './features/simulation';
import { requestWarnings } from './features/request-check';
import { skeleton, writeSkeleton } from './features/skeletons';
import { documentSymbols } from './features/symbols';
import type { NewPolicyParams, NewPolicyResult, SimulateAllResult, SimulateResult, SimulationScope, SimulationTarget } from './protocol';
import type { SimulationRequest } from './simulate/types';
import { formatById, type FormatId } from './formats/registry';
import { parseDocument, type PolicyDocument } from './model/document';
import type { Format } from './model/format';
import { analyseText, type Analysis } from './rules/analysis';
import { DEFAULT_SETTINGS, type Settings } from './rules/settings';
import { keepUntilNext } from './iam/shapes';

export type { Analysis, CompletionOptions };
export { tooLargeMessage } from './model/document';

/** The document model of a text, without the rules. */
export function parseText(text: string, format: Format | FormatId): PolicyDocument {
  const known = typeof format === 'string' ? formatById(format)! : format;
  return keptUntilNext(known, parseDocument(text, known));
}

/** previous: the analysis of the document's last version, whose unchanged policies need no new run. */
export function analyse(
  text: string,
  format: Format | FormatId,
  settings: Settings = DEFAULT_SETTINGS,
  catalog: Catalog = bundledCatalog(),
  previous?: Analysis,
): Analysis {
  const known = typeof format === 'string' ? formatById(format)! : format;
  const analysis = analyseText(text, known, catalog, settings, previous);
  keptUntilNext(known, analysis.document);
  return analysis;
}

/**
 * What is analysed here once (the CLI's files, the library's calls) dies before the next full
 * collection, and the shapes of its objects with it: the last model of each format is kept (see
 * iam/shapes.ts). The server's documents are kept by their store.
 */
function keptUntilNext(format: Format, document: PolicyDocument): PolicyDocument {
  keepUntilNext(format, document);
  return document;
}

export function diagnostics(analysis: Analysis, docsUri?: string): Diagnostic[] {
  return analysis.findings.map((finding) => toDiagnostic(finding, analysis.document.lines, docsUri));
}

export function completion(analysis: Analysis, offset: number, catalog: Catalog = bundledCatalog(), options?: CompletionOptions): CompletionList {
  return complete(analysis, offset, catalog, options);
}

/** The documentation of an item that `completion` left out, for the item the editor shows. */
export function resolveCompletion(item: CompletionItem, catalog: Catalog = bundledCatalog()): CompletionItem {
  return resolveCompletionItem(item, catalog);
}

export function hoverAt(analysis: Analysis, offset: number, catalog: Catalog = bundledCatalog()): Hover | null {
  return hover(analysis, offset, catalog);
}

export function quickFixes(analysis: Analysis, uri: string, range: { start: number; end: number }, catalog: Catalog = bundledCatalog()): CodeAction[] {
  return codeActions(analysis, uri, range, catalog);
}

export function lenses(analysis: Analysis, uri: string): CodeLens[] {
  return simulationLenses(analysis.document, uri);
}

export function target(analysis: Analysis, offset: number, scope: SimulationScope, catalog: Catalog = bundledCatalog()): SimulationTarget | undefined {
  return simulationTarget(analysis.document, offset, scope, catalog);
}

export function simulate(
  analysis: Analysis,
  offset: number,
  scope: SimulationScope,
  request: SimulationRequest,
  catalog: Catalog = bundledCatalog(),
): SimulateResult | undefined {
  return simulateAt(analysis.document, offset, scope, request, catalog);
}

export function simulateAllActions(
  analysis: Analysis,
  offset: number,
  scope: SimulationScope,
  resource: string,
  context: SimulationRequest['context'],
  parameters?: SimulationRequest['parameters'],
  catalog: Catalog = bundledCatalog(),
  services?: readonly string[],
): SimulateAllResult | undefined {
  return simulateAll(analysis.document, offset, scope, resource, context, catalog, parameters, services);
}

export function symbols(analysis: Analysis): DocumentSymbol[] {
  return documentSymbols(analysis.document);
}

/** What is wrong with a simulation request itself (an unknown action, a malformed ARN), as sentences. */
export function checkRequest(request: SimulationRequest, catalog: Catalog = bundledCatalog()): string[] {
  return requestWarnings(request, catalog);
}

/** A new document's text as a snippet, in the format asked for. */
export function newPolicy(params: NewPolicyParams): NewPolicyResult {
  const format = formatById(params.format)!;
  return { languageId: format.id, snippet: writeSkeleton(skeleton(params.kind), format, { indent: '', unit: '  ' }).snippet };
}

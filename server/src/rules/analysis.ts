// The analysis of one version of one document: its model and every rule's findings, computed once
// and read by every feature.
import type { Catalog } from '../catalog/catalog';
import { parseDocument, type PolicyDocument } from '../model/document';
import type { Format } from '../model/format';
import { validateReusing, type PolicyFindings } from './index';
import type { Finding } from './rule';
import { DEFAULT_SETTINGS, maxLength, type Settings } from './settings';

export interface Analysis {
  readonly document: PolicyDocument;
  readonly findings: readonly Finding[];
  /** Per-policy findings, for reuse by the next version of the same document. */
  readonly byPolicy?: PolicyFindings;
}

/** previous: the analysis of the document's last version, whose unchanged policies need no new run. */
export function analyseText(text: string, format: Format, catalog: Catalog, settings: Settings = DEFAULT_SETTINGS, previous?: Analysis): Analysis {
  return analyseDocument(parseDocument(text, format, { maxLength: maxLength(settings) }), catalog, settings, previous);
}

export function analyseDocument(document: PolicyDocument, catalog: Catalog, settings: Settings = DEFAULT_SETTINGS, previous?: Analysis): Analysis {
  if (!settings.enable) return { document, findings: [] };
  const { findings, byPolicy } = validateReusing(document, catalog, settings.rules, previous?.byPolicy);
  return { document, findings, byPolicy };
}

// The open documents of an editing session. Each keeps two things apart: a model of its latest text,
// which completion, hover and the other requests at a position answer from at once (made by reading
// again only the policy an edit fell in, see model/splice.ts), and its analysis (that model and the
// rules), which only diagnostics and quick fixes wait for. Both are keyed by the text itself, so a
// client that reuses a version number is never answered from a stale entry.
import { bundledCatalog } from './catalog/bundled';
import type { Catalog } from './catalog/catalog';
import { parseDocument, policyAt, type PolicyDocument } from './model/document';
import type { Format } from './model/format';
import { spliceDocument } from './model/splice';
import { analyseDocument, type Analysis } from './rules/analysis';
import { DEFAULT_SETTINGS, maxLength, sameSettings, type Settings } from './rules/settings';

interface DocumentState {
  readonly format: Format;
  /** The model of the latest text asked for. */
  model: PolicyDocument | undefined;
  /** The latest analysis, of whichever text it was made for. */
  analysis: Analysis | undefined;
}

export class DocumentStore {
  private readonly states = new Map<string, DocumentState>();
  /** Models made, by way: for tests and the bench. */
  readonly counts = { spliced: 0, parsed: 0, analysed: 0 };

  constructor(
    private settings: Settings = DEFAULT_SETTINGS,
    private readonly catalog: Catalog = bundledCatalog(),
  ) {}

  /** The services the catalogue has read so far, each the first time a document needed it. */
  get loadedServices(): string[] {
    return this.catalog.loadedServices;
  }

  /** The model of this text: the cached one, one spliced from the previous model, or a full parse. Never runs rules. */
  model(uri: string, text: string, format: Format): PolicyDocument {
    const state = this.state(uri, format);
    if (state.model?.text === text) return state.model;
    if (state.analysis?.document.text === text) return (state.model = state.analysis.document);
    const base = state.model ?? state.analysis?.document;
    let model = base && text.length <= maxLength(this.settings) ? spliceDocument(base, text) : undefined;
    if (model) this.counts.spliced++;
    else {
      model = this.parse(text, format);
      this.counts.parsed++;
    }
    state.model = model;
    return model;
  }

  /**
   * The model of this text with the findings of its analysis when that is done, none otherwise: what
   * requests at a position and quick fixes read without waiting. `at`: the position asked about. Outside
   * every policy, what is there is read from the document's roots, which a splice keeps from the version
   * it was made from (an empty `PolicyDocument:` elsewhere in the template): there, the whole text is read.
   */
  snapshot(uri: string, text: string, format: Format, at?: number): Analysis {
    const analysis = this.states.get(uri)?.analysis;
    const done = analysis?.document.text === text && analysis.document.format === format ? analysis : undefined;
    const model = done?.document ?? this.model(uri, text, format);
    if (at === undefined || !model.spliced || policyAt(model, at)) return done ?? { document: model, findings: [] };
    return { document: this.whole(uri, text, format), findings: done?.findings ?? [] };
  }

  /**
   * The analysis of this text: its model and the rules, run again only on the policies whose text
   * changed. The model is the edited policy read again where that read was clean (no syntax problem
   * near it, then or now), which gives the findings of a full parse (splice.test.ts); a full parse
   * otherwise. In a big template a keystroke then costs one policy's rules, not a parse of the file.
   */
  analysis(uri: string, text: string, format: Format): Analysis {
    const state = this.state(uri, format);
    if (state.analysis?.document.text === text) return state.analysis;
    const model = this.model(uri, text, format);
    const unclean = model.spliced !== undefined && !model.spliced.clean;
    if (unclean) this.counts.parsed++;
    const document = unclean ? this.parse(text, format) : model;
    const analysis = analyseDocument(document, this.catalog, this.settings, state.analysis);
    this.counts.analysed++;
    state.analysis = analysis;
    state.model = document;
    return analysis;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  /**
   * New settings change the findings and the size limit: every document is read again. The same settings
   * again (a client sends them both on request and as a notification at start) change nothing: false.
   */
  updateSettings(settings: Settings): boolean {
    if (sameSettings(settings, this.settings)) return false;
    this.settings = settings;
    this.states.clear();
    return true;
  }

  get size(): number {
    return this.states.size;
  }

  /** The model of this text read whole, kept as its model from then on. */
  private whole(uri: string, text: string, format: Format): PolicyDocument {
    const state = this.state(uri, format);
    if (state.model?.text === text && !state.model.spliced) return state.model;
    this.counts.parsed++;
    state.model = this.parse(text, format);
    return state.model;
  }

  private parse(text: string, format: Format): PolicyDocument {
    return parseDocument(text, format, { maxLength: maxLength(this.settings) });
  }

  private state(uri: string, format: Format): DocumentState {
    let state = this.states.get(uri);
    // A document whose language changed is a new document.
    if (!state || state.format !== format) {
      state = { format, model: undefined, analysis: undefined };
      this.states.set(uri, state);
    }
    return state;
  }
}

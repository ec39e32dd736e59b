// User settings, shared by the editor (profilePolicy.*) and the CLI (.profile-policy.json).
import type { RuleSettings, SeveritySetting } from './rule';

export interface Settings {
  readonly enable: boolean;
  readonly rules: RuleSettings;
  /** In MiB: larger documents are not analysed (document-too-large). */
  readonly maxDocumentSize: number;
}

/** Four times CloudFormation's largest template (1 MB): generous for anything deployable, and read in seconds. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 4;

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, maxDocumentSize: DEFAULT_MAX_DOCUMENT_SIZE };

/** Settings that give the same findings: a client may send the same ones several times. */
export function sameSettings(a: Settings, b: Settings): boolean {
  if (a.enable !== b.enable || a.maxDocumentSize !== b.maxDocumentSize) return false;
  const ids = Object.keys(a.rules);
  return ids.length === Object.keys(b.rules).length && ids.every((id) => Object.hasOwn(b.rules, id) && a.rules[id] === b.rules[id]);
}

/** The size limit in characters. */
export function maxLength(settings: Settings): number {
  return Math.floor(settings.maxDocumentSize * 1024 * 1024);
}

/** What a user may set a rule to: one of its severities, or off. */
export const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Accepts whatever a client sends and keeps only what is well-formed, reporting what it dropped. */
export function readSettings(raw: unknown, complain: (message: string) => void = () => {}): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const value = raw as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) rules[id] = severity as SeveritySetting;
      else complain(`rule "${id}": severity must be one of ${SEVERITIES.join(', ')}`);
    }
  }
  let maxDocumentSize = DEFAULT_MAX_DOCUMENT_SIZE;
  if (value.maxDocumentSize !== undefined) {
    if (typeof value.maxDocumentSize === 'number' && value.maxDocumentSize > 0 && Number.isFinite(value.maxDocumentSize))
      maxDocumentSize = value.maxDocumentSize;
    else complain('maxDocumentSize must be a positive number of MiB');
  }
  return { enable: value.enable !== false, rules, maxDocumentSize };
}

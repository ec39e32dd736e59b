// User settings, shared by the editor (profilePolicy.*) and the CLI (.profile-policy.json).
import type { RuleSettings, SeveritySetting } from './rule';

export interface Settings {
  readonly enable: boolean;
  readonly rules: RuleSettings;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {} };

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

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
  return { enable: value.enable !== false, rules };
}

// How long diagnostics wait after an edit: a burst of typing is analysed once it pauses. In a big
// template each run costs more, here (the analysis, the message) and in the editor, which redraws every
// marker of each publish (VS Code took about half a second for the 1,700 findings of a 1.4 MiB template,
// measured in code-server 1.139). Published after every pause of 200 ms, those runs queued behind one
// another and delayed the keystrokes and completions between them by seconds. So the pause waited for
// grows with what the document's last run took and sent.

/** The pause for a document of few findings. Requests at a position never wait for it. */
export const DEBOUNCE_MS = 200;
/** Never longer than this: diagnostics of a big file still come soon after typing stops. */
export const MAX_DEBOUNCE_MS = 1000;

/** What the last run for a document cost: its time here, and the diagnostics it sent. */
export interface LastRun {
  readonly milliseconds: number;
  readonly diagnostics: number;
}

/**
 * Twice the last run's own time, plus an eighth of a millisecond per diagnostic it sent (the editor's
 * share): about 0.4 s for that template. Measured there at twice as long, a typo's error came 1.5 to
 * 2.5 s after typing stopped, where a publish every 200 ms had cost each keystroke about 30 ms of lag:
 * this is the middle of the two.
 */
export function diagnosticsDelay(last: LastRun | undefined): number {
  if (!last) return DEBOUNCE_MS;
  return Math.round(Math.min(MAX_DEBOUNCE_MS, Math.max(DEBOUNCE_MS, 2 * last.milliseconds + last.diagnostics / 8)));
}

// When diagnostics run after an edit: at once for a document of few findings, later after a costly run.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEBOUNCE_MS, MAX_DEBOUNCE_MS, diagnosticsDelay } from '../../server/src/pacing';

describe('the pause diagnostics wait for', () => {
  test('200 ms for a first run or a cheap one; longer with what the last run took and sent; never over 1 s', () => {
    assert.equal(diagnosticsDelay(undefined), DEBOUNCE_MS);
    assert.equal(diagnosticsDelay({ milliseconds: 4, diagnostics: 12 }), 200);
    // The 1.4 MiB template: about 1,700 findings, 100 ms a run.
    assert.equal(diagnosticsDelay({ milliseconds: 100, diagnostics: 1700 }), 413);
    assert.equal(diagnosticsDelay({ milliseconds: 150, diagnostics: 0 }), 300);
    assert.equal(diagnosticsDelay({ milliseconds: 900, diagnostics: 5000 }), MAX_DEBOUNCE_MS);
  });
});

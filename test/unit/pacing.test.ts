// When diagnostics run after an edit: at once for a document of few findings, later after a costly run.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEBOUNCE_MS, MAX_DEBOUNCE_MS, diagnosticsDelay } from '../../server/src/pacing';

describe('the pause diagnostics wait for', () => {
  test('200 ms for a first run or a cheap one; longer with what the last run took and sent; never over 1.5 s', () => {
    assert.equal(diagnosticsDelay(undefined), DEBOUNCE_MS);
    assert.equal(diagnosticsDelay({ milliseconds: 4, diagnostics: 12 }), 200);
    // The 1.4 MiB template: about 1,700 findings, 60 ms a run.
    assert.equal(diagnosticsDelay({ milliseconds: 60, diagnostics: 1700 }), 605);
    assert.equal(diagnosticsDelay({ milliseconds: 100, diagnostics: 0 }), 300);
    assert.equal(diagnosticsDelay({ milliseconds: 900, diagnostics: 5000 }), MAX_DEBOUNCE_MS);
  });
});

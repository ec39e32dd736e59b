// The server's document text (text-buffer.ts) must behave exactly as the stock TextDocument: the same
// text, positions and offsets after any sequence of edits, typing runs and jumps alike.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { random } from '../../bench/generate';
import { TypingTextDocument } from '../../server/src/text-buffer';
import { readRepoFile } from '../helpers';

const PIECES = ['a', 'b', ' ', '\n', '\r\n', '\r', '- profile:', '"', 'x\ny\nz', '', '😀'];

describe('the typing text buffer', () => {
  test('after random edits it reads exactly as the stock TextDocument: text, positions, offsets, lines', () => {
    const next = random(41);
    for (const seed of [readRepoFile('examples', 'cloudformation-roles.yaml'), readRepoFile('examples', 'mistakes.json').replace(/\n/g, '\r\n'), '']) {
      let stock = TextDocument.create('file:///t', 'yaml', 1, seed);
      const typing = new TypingTextDocument('file:///t', 'yaml', 1, seed);
      let cursor = Math.floor(seed.length / 2);
      for (let step = 2; step < 1500; step++) {
        const length = stock.getText().length;
        // Mostly typing at a cursor (the case the buffer is for), sometimes a jump or a whole new text.
        const roll = next();
        if (roll < 0.1) cursor = Math.floor(next() * (length + 1));
        const removed = roll < 0.3 ? Math.floor(next() * 6) : 0;
        const start = stock.positionAt(roll < 0.2 ? Math.max(0, cursor - removed) : cursor);
        const end = stock.positionAt(Math.min(length, stock.offsetAt(start) + removed));
        const text = PIECES[Math.floor(next() * PIECES.length)]!;
        const change: TextDocumentContentChangeEvent = roll > 0.995 ? { text: `${text}${seed.slice(0, 200)}` } : { range: { start, end }, text };
        stock = TextDocument.update(stock, [change], step);
        typing.update([change], step);
        cursor = 'range' in change ? stock.offsetAt(start) + text.length : 0;
        // Read the text only now and then: edits pile up in between, as between two requests.
        if (step % 7 === 0 || roll > 0.99) assert.equal(typing.getText(), stock.getText(), `step ${step}`);
        assert.equal(typing.lineCount, stock.lineCount, `step ${step}`);
        assert.equal(typing.version, step);
        for (let k = 0; k < 3; k++) {
          const offset = Math.floor(next() * (stock.getText().length + 2)) - 1;
          assert.deepEqual(typing.positionAt(offset), stock.positionAt(offset), `positionAt(${offset}) at step ${step}`);
          const position = { line: Math.floor(next() * (stock.lineCount + 1)), character: Math.floor(next() * 40) };
          assert.equal(typing.offsetAt(position), stock.offsetAt(position), `offsetAt(${JSON.stringify(position)}) at step ${step}`);
          const line = Math.floor(next() * (stock.lineCount + 2)) - 1;
          assert.deepEqual(typing.getLineRange(line), stock.getLineRange(line), `getLineRange(${line}) at step ${step}`);
          assert.equal(typing.getEOLCharacters(line), stock.getEOLCharacters(line), `getEOLCharacters(${line}) at step ${step}`);
        }
      }
      assert.equal(typing.getText(), stock.getText());
      const range = { start: stock.positionAt(3), end: stock.positionAt(40) };
      assert.equal(typing.getText(range), stock.getText(range));
    }
  });
});

import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core';

suite('line index', () => {
  test('LF, CRLF and a lone CR each end a line, as in VS Code', () => {
    const index = new LineIndex('a\nbb\r\nccc\rd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(
      [0, 1, 2, 3].map((line) => index.lineText(line)),
      ['a', 'bb', 'ccc', 'd'],
    );
    assert.deepEqual(index.positionAt(3), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 2 }, 'the \\r is the end of the line');
    assert.deepEqual(index.positionAt(5), { line: 1, character: 2 }, 'between \\r and \\n: still the end of the line');
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 7);
    assert.equal(index.offsetAt({ line: 1, character: 99 }), 4, 'clamped to the line');
  });

  test('a text of many short lines (more than its first guess of their number) has each line where it is', () => {
    const lines = Array.from({ length: 5000 }, (_, line) => 'x'.repeat(line % 7));
    const text = lines.join('\n');
    const index = new LineIndex(text);
    assert.equal(index.lineCount, lines.length);
    let start = 0;
    for (let line = 0; line < lines.length; line++) {
      assert.equal(index.lineStart(line), start);
      assert.equal(index.lineEnd(line), start + lines[line].length);
      start += lines[line].length + 1;
    }
    assert.deepEqual(index.positionAt(text.length), { line: lines.length - 1, character: lines.at(-1)!.length });
  });

  test('an empty text has one empty line', () => {
    const index = new LineIndex('');
    assert.equal(index.lineCount, 1);
    assert.deepEqual(index.positionAt(10), { line: 0, character: 0 });
  });
});

import * as assert from 'node:assert/strict';
import { compactInts, noneMark } from '../../src/core/text/compactInts';

suite('compact whole numbers: 16 bits each where they all fit', () => {
  test('numbers in -1…65,534 are kept in 16 bits, -1 read back as the none mark', () => {
    const values = compactInts(Int32Array.from([0, -1, 65_534, 7]));
    assert.ok(values instanceof Uint16Array);
    assert.deepEqual([...values], [0, 0xffff, 65_534, 7]);
    assert.equal(noneMark(values), 0xffff);
  });

  test('one number outside that range keeps them all in 32 bits, -1 as it is', () => {
    for (const outside of [65_535, 70_000, -2]) {
      const source = Int32Array.from([3, -1, outside]);
      const values = compactInts(source);
      assert.equal(values, source);
      assert.equal(noneMark(values), -1);
    }
  });
});

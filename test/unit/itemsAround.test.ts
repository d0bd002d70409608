import * as assert from 'node:assert/strict';
import { itemsAround } from '../../src/webview/timeline/itemsAround';

suite("the timeline's items around its window (its page gives vis-timeline only these)", () => {
  const day = (n: number) => n * 86_400_000;
  const items = [
    { id: 'long before', start: day(0) },
    { id: 'in the left margin', start: day(8) },
    { id: 'a span from before into the window', start: day(1), end: day(12) },
    { id: 'inside', start: day(15) },
    { id: 'in the right margin', start: day(22) },
    { id: 'long after', start: day(40) },
    { id: 'a span over the whole window', start: day(-100), end: day(100) },
  ];

  test('those in the window and a quarter of its width on either side, spans that reach into it included', () => {
    assert.deepEqual(
      itemsAround(items, { start: day(10), end: day(20) }).map(({ id }) => id),
      ['in the left margin', 'a span from before into the window', 'inside', 'in the right margin', 'a span over the whole window'],
    );
  });

  test('none when the window is far from every item, but a span over it', () => {
    assert.deepEqual(
      itemsAround(items, { start: day(60), end: day(70) }).map(({ id }) => id),
      ['a span over the whole window'],
    );
  });
});

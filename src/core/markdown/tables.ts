import { Int32Quads, RangeQuads } from '../text/int32Quads';

/**
 * What the block reader finds that a long briefing holds thousands of, its paragraphs and its
 * list items, kept as numbers in typed arrays rather than as an object each: a briefing read
 * after every edit then leaves nothing of them for the garbage collector. An entry is its index.
 */

/**
 * Paragraphs and headings' text, in document order: its first and last lines, and the offsets
 * where the content starts and where it ends (trailing spaces left out); `indexAt` finds a
 * block by an offset.
 */
export class InlineBlockTable extends RangeQuads {
  firstLine(block: number): number {
    return this.data[block * 4];
  }

  lastLine(block: number): number {
    return this.data[block * 4 + 1];
  }

  /** The same blocks, `delta` characters and `lineDelta` lines further on. */
  moved(delta: number, lineDelta: number): InlineBlockTable {
    const moved = new InlineBlockTable(this.count);
    for (let block = 0; block < this.count; block++)
      moved.push(this.firstLine(block) + lineDelta, this.lastLine(block) + lineDelta, this.start(block) + delta, this.end(block) + delta);
    return moved;
  }
}

/** List items, in document order: the line and offset of the marker, and the item's first block when it is a paragraph. */
export class ListItemTable extends Int32Quads {
  line(item: number): number {
    return this.data[item * 4];
  }

  markerStart(item: number): number {
    return this.data[item * 4 + 1];
  }

  /** The paragraph (an index of the inline blocks) that is the item's first block (link reference definitions before it aside); -1 when none is. */
  paragraph(item: number): number {
    return this.data[item * 4 + 2];
  }

  setParagraph(item: number, block: number): void {
    this.data[item * 4 + 2] = block;
  }

  /** The same items, `delta` characters and `lineDelta` lines further on. */
  moved(delta: number, lineDelta: number): ListItemTable {
    const moved = new ListItemTable(this.count);
    for (let item = 0; item < this.count; item++) moved.push(this.line(item) + lineDelta, this.markerStart(item) + delta, this.paragraph(item), 0);
    return moved;
  }
}

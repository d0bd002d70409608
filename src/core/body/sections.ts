import type { Heading } from './body';
import type { LineIndex } from '../text/lineIndex';
import type { Section } from '../model/types';

/** Turns headings into sections: each runs to the last non-blank line before the next heading of its level or higher. */
export function buildSections(headings: readonly Heading[], lines: LineIndex): Section[] {
  const parents: (number | undefined)[] = [];
  const lastLines: number[] = new Array(headings.length).fill(lines.lineCount - 1);
  const open: number[] = []; // indices of the sections enclosing the current heading
  headings.forEach((heading, index) => {
    while (open.length > 0 && headings[open[open.length - 1]].level >= heading.level) {
      lastLines[open.pop()!] = heading.line - 1;
    }
    parents.push(open.length > 0 ? open[open.length - 1] : undefined);
    open.push(index);
  });
  return headings.map((heading, index) => {
    let lastLine = lastLines[index];
    while (lastLine > heading.line && lines.lineText(lastLine).trim() === '') lastLine--;
    return {
      level: heading.level,
      title: heading.title,
      headingRange: lines.lineRange(heading.line),
      range: lines.range(lines.lineStart(heading.line), lines.lineEnd(lastLine)),
      parentIndex: parents[index],
    };
  });
}

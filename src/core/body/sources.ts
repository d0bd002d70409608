import { isExcluded, type BodyStructure } from './body';
import { readGrade } from './grade';
import { lineBreakOf } from '../text/wordCharacters';
import { oneLine } from '../text/escape';
import type { DiagnosticSink } from '../model/diagnosticSink';
import type { LineIndex } from '../text/lineIndex';
import type { Citation, Source } from '../model/types';

/** A citation: `[S1]`, `[S1, S2]`, `[S1;S3]` (what the grammar colours as a source reference). */
const CITATION = /\[S\d{1,6}(?:[,;] ?S\d{1,6})*\]/y;
const SOURCE_ID = /S\d{1,6}/g;
/** After an entry's label: a space or the line's end (`- [S1] …`), or a colon (`[S1]: …`). */
const AFTER_LIST_LABEL = /[ \t]|\r|\n|$/y;
const AFTER_LINE_LABEL = /:/y;

export interface SourceList {
  readonly sources: readonly Source[];
  /** In document order. */
  readonly citations: readonly Citation[];
}

const NONE: SourceList = { sources: [], citations: [] };

/**
 * Reads the sources a briefing lists and the citations of them in its text, in one pass over
 * the `[S` of the body. A source is listed as a list item that starts with its label
 * (`- [S1] Reuters, 2023-11-13`), or as a line that starts with its label and a colon
 * (`[S1]: Reuters`, a Markdown link reference definition when it is a valid one, else a line of
 * a paragraph). A citation of a source that is not listed is a Warning, as is a second entry
 * with the same label (citations go to the first).
 */
export function readSources(text: string, lines: LineIndex, body: BodyStructure, bodyStart: number, sink: DiagnosticSink): SourceList {
  let at = text.indexOf('[S', bodyStart);
  if (at < 0) return NONE;
  // Where each list item's paragraph starts, and the paragraph.
  const itemParagraphs = new Map<number, number>();
  const { listItems, inlineBlocks } = body;
  for (let item = 0; item < listItems.count; item++) {
    const paragraph = listItems.paragraph(item);
    if (paragraph >= 0) itemParagraphs.set(inlineBlocks.start(paragraph), paragraph);
  }
  const definitions = new Set(body.definitionStarts);

  const byId = new Map<string, Source>();
  const sources: Source[] = [];
  const cited: { id: string; start: number; end: number }[] = [];
  for (; at >= 0; at = text.indexOf('[S', at + 2)) {
    CITATION.lastIndex = at;
    const match = CITATION.exec(text);
    if (!match) continue;
    const end = at + match[0].length;
    // A definition's label is not prose, but `[S1]: Reuters` is how a Markdown writer lists a source.
    const isDefinition = definitions.has(at);
    if (!isDefinition && isExcluded(body.excluded, at)) continue;
    const entry = match[0].includes(',') || match[0].includes(';') ? undefined : entryAt(text, lines, body, itemParagraphs, isDefinition, at, end);
    if (isDefinition && !entry) continue;
    if (entry) {
      const id = match[0].slice(1, -1);
      const first = byId.get(id);
      if (first) {
        sink.add(at, end, 'warning', 'duplicate-source', `${match[0]} is listed twice: citations go to the first, on line ${first.labelRange.start.line + 1}`);
        continue;
      }
      // The entry's text starts after the label (and the colon of `[S1]:`) and its spaces: where a grade would be.
      const textStart = text.indexOf(entry.text.slice(0, 1), end + (text[end] === ':' ? 1 : 0));
      const { grade, text: graded } = readGrade(entry.text, textStart, sink);
      const source: Source = { id, labelRange: lines.range(at, end), text: graded, range: lines.range(at, entry.end), ...(grade ? { grade } : {}) };
      byId.set(id, source);
      sources.push(source);
      continue;
    }
    for (const id of match[0].matchAll(SOURCE_ID)) cited.push({ id: id[0], start: at + id.index, end: at + id.index + id[0].length });
  }

  const citations: Citation[] = [];
  for (const { id, start, end } of cited) {
    const source = byId.get(id);
    if (!source) {
      sink.add(start, end, 'warning', 'unknown-source', `${id} is cited but not listed: add a line '- [${id}] …' under Sources`, {
        title: `Add [${id}] to the sources`,
        edits: [newEntryEdit(text, lines, body, sources, id)],
      });
    }
    citations.push({ id, range: lines.range(start, end), source });
  }
  return { sources, citations };
}

/**
 * Where an entry for `id` goes, written as the others are: after the last listed source, else
 * under a "Sources" heading, else in a new "## Sources" section at the end. Its text is left for
 * the writer.
 */
function newEntryEdit(text: string, lines: LineIndex, body: BodyStructure, sources: readonly Source[], id: string) {
  const eol = lineBreakOf(text);
  const last = sources.reduce<Source | undefined>((latest, source) => (!latest || source.range.endOffset > latest.range.endOffset ? source : latest), undefined);
  if (last) {
    const label = last.labelRange;
    const before = text.slice(lines.lineStart(label.start.line), label.startOffset);
    const colon = text[label.endOffset] === ':' ? ':' : '';
    return { start: last.range.endOffset, end: last.range.endOffset, newText: `${eol}${before}[${id}]${colon} ` };
  }
  const heading = body.headings.find((candidate) => /^sources$/i.test(candidate.title));
  if (heading) {
    const at = lines.lineEnd(heading.line);
    return { start: at, end: at, newText: `${eol}- [${id}] ` };
  }
  const ending = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  return { start: text.length, end: text.length, newText: `${ending}${eol}## Sources${eol}${eol}- [${id}] ` };
}

function startsWithLabel(text: string, at: number): boolean {
  CITATION.lastIndex = at;
  return CITATION.test(text);
}

/**
 * The entry whose label is at `start`, if the label starts a list item's paragraph, a line of a
 * paragraph, or a link reference definition, and a `[S1]:` line's colon follows.
 */
function entryAt(
  text: string,
  lines: LineIndex,
  body: BodyStructure,
  itemParagraphs: ReadonlyMap<number, number>,
  isDefinition: boolean,
  start: number,
  end: number,
): { text: string; end: number } | undefined {
  const paragraph = isDefinition ? undefined : itemParagraphs.get(start);
  if (paragraph !== undefined) {
    AFTER_LIST_LABEL.lastIndex = end;
    if (!AFTER_LIST_LABEL.test(text)) return undefined;
    // The entry goes on over its paragraph's lines, as an event does, up to a line that lists
    // another source (CommonMark reads `[S3]: …` under `- [S2]` as a line of that item).
    const firstLine = body.inlineBlocks.firstLine(paragraph);
    const lastLine = body.inlineBlocks.lastLine(paragraph);
    let entryLast = firstLine;
    while (entryLast < lastLine && !startsWithLabel(text, body.lineContent[entryLast + 1])) entryLast++;
    const entryEnd = lines.lineEnd(entryLast);
    return { text: oneLine(text.slice(end, entryEnd)), end: entryEnd };
  }
  const line = lines.lineAt(start);
  if (!isDefinition && body.lineContent[line] !== start) return undefined;
  AFTER_LINE_LABEL.lastIndex = end;
  if (!AFTER_LINE_LABEL.test(text)) return undefined;
  const entryEnd = lines.lineEnd(line);
  return { text: oneLine(text.slice(end + 1, entryEnd)), end: entryEnd };
}

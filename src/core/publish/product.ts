import { gradeMeaning } from '../body/grade';
import { dateLabel, textWithoutTags } from '../language/timeline';
import type { Briefing, Diagnostic, Entity } from '../model/types';
import { productBanner } from '../yaml/markings';

/** An event of the product's table. */
export interface ProductEvent {
  /** The date as written (`~2023-11`, `2023-11-12..2023-11-14`). */
  readonly date: string;
  /** Its text, Markdown, without its `#tags`. */
  readonly text: string;
  readonly actors: readonly string[];
  readonly places: readonly string[];
}

/** A source of the product's list. */
export interface ProductSource {
  readonly id: string;
  readonly text: string;
  readonly grade: string | undefined;
  /** What the grade says: "Usually reliable, probably true". */
  readonly gradeMeaning: string | undefined;
}

/** What a published briefing holds, before it is written as a page or a document. */
export interface Product {
  readonly title: string;
  readonly date: string | undefined;
  readonly author: string | undefined;
  /** The banner at the top and bottom of every page; undefined when the briefing has no classification. */
  readonly banner: string | undefined;
  readonly tlp: string | undefined;
  /** The body's Markdown before the events table (where `<!-- events -->` stands, else the end). */
  readonly before: string;
  /** The body's Markdown after the table. */
  readonly after: string;
  /** Whether `<!-- events -->` placed the table (under the briefing's own heading, if it has one). */
  readonly tableAtMarker: boolean;
  readonly events: readonly ProductEvent[];
  readonly sources: readonly ProductSource[];
}

export type ProductOutcome =
  | { readonly product: Product; readonly raisedFrom?: string }
  /** The banner would under-mark the content: the editor's own diagnostics say where. */
  | { readonly refused: readonly Diagnostic[]; readonly covering: string | undefined };

/** A line that places the events table: `<!-- events -->` alone on its line. */
const EVENTS_MARKER = /^ {0,3}<!--\s*events\s*-->\s*$/i;

/**
 * The product of a briefing: its body as written, but for the events and the sources it lists,
 * which become the events table and the graded list of sources (a heading left with nothing
 * under it goes too, so nothing is printed twice). A briefing whose classification under-marks
 * a portion is refused, unless `force`, which gives the product the banner that covers them all.
 * With `boldFirstMentions`, each actor's and place's first mention in the body's prose (not a
 * heading) is set in bold.
 */
export function productOf(briefing: Briefing, options: { readonly force?: boolean; readonly boldFirstMentions?: boolean } = {}): ProductOutcome {
  const marking = productBanner(briefing);
  if (marking.problems.length > 0 && !options.force) return { refused: marking.problems, covering: marking.covering };
  const { lines } = briefing;
  const firstBodyLine = briefing.bodyStartOffset >= lines.text.length ? lines.lineCount : lines.lineAt(briefing.bodyStartOffset);
  const dropped = new Set<number>();
  const drop = (from: number, to: number) => {
    for (let line = from; line <= to; line++) dropped.add(line);
  };
  for (const item of [...briefing.events, ...briefing.sources]) drop(item.range.start.line, item.range.end.line);
  const isBlank = (line: number) => dropped.has(line) || lines.lineText(line).trim() === '';
  // From the last section up: a section whose subsections all went goes too.
  for (const section of [...briefing.sections].reverse()) {
    let empty = true;
    for (let line = section.headingRange.end.line + 1; line <= section.range.end.line && empty; line++) empty = isBlank(line);
    if (empty) drop(section.headingRange.start.line, section.headingRange.end.line);
  }
  const bold = options.boldFirstMentions ? firstMentionMarks(briefing, dropped) : new Map<number, number[]>();
  const kept: string[] = [];
  let markerAt: number | undefined;
  for (let line = firstBodyLine; line < lines.lineCount; line++) {
    if (dropped.has(line)) continue;
    const text = withMarks(lines.lineText(line), bold.get(line));
    if (markerAt === undefined && EVENTS_MARKER.test(text)) markerAt = kept.length;
    else kept.push(text);
  }
  // A banner line written by hand at the body's top or bottom: the product prints its own.
  const bannerText = marking.banner?.toUpperCase();
  const isBannerLine = (index: number) => bannerText !== undefined && index >= 0 && kept[index].trim().toUpperCase() === bannerText;
  const firstText = kept.findIndex((text) => text.trim() !== '');
  if (isBannerLine(firstText) && (markerAt === undefined || firstText < markerAt)) {
    kept.splice(firstText, 1);
    if (markerAt !== undefined) markerAt--;
  }
  let lastText = kept.length - 1;
  while (lastText >= 0 && kept[lastText].trim() === '') lastText--;
  if (isBannerLine(lastText) && (markerAt === undefined || lastText >= markerAt)) kept.splice(lastText, 1);
  const frontMatter = briefing.frontMatter;
  const product: Product = {
    title: frontMatter?.title?.trim() || briefing.sections[0]?.title || 'Briefing',
    date: frontMatter?.date,
    author: frontMatter?.author,
    // The classification, or under --force the banner that covers every portion.
    banner: marking.covering,
    tlp: frontMatter?.tlp,
    before: kept.slice(0, markerAt).join('\n'),
    after: markerAt === undefined ? '' : kept.slice(markerAt).join('\n'),
    tableAtMarker: markerAt !== undefined,
    events: briefing.events.map((event) => ({ date: dateLabel(event), text: textWithoutTags(event.text), actors: event.actors, places: event.places })),
    sources: briefing.sources.map((source) => ({ id: source.id, text: source.text, grade: source.grade, gradeMeaning: source.grade ? gradeMeaning(source.grade) : undefined })),
  };
  return marking.problems.length > 0 ? { product, raisedFrom: marking.banner ?? '' } : { product };
}

/**
 * Where `**` goes to set each entity's first mention in the kept prose in bold: the characters of
 * each line, the last first. A mention in a heading (bold already) or in a dropped line is passed over.
 */
function firstMentionMarks(briefing: Briefing, dropped: ReadonlySet<number>): Map<number, number[]> {
  const headingLines = new Set<number>();
  for (const section of briefing.sections) for (let line = section.headingRange.start.line; line <= section.headingRange.end.line; line++) headingLines.add(line);
  const isProse = (line: number) => !dropped.has(line) && !headingLines.has(line);
  const seen = new Set<Entity>();
  const marks = new Map<number, number[]>();
  const mark = (line: number, character: number) => marks.set(line, [...(marks.get(line) ?? []), character]);
  for (const mention of briefing.mentions) {
    const { start, end, startOffset } = mention.range;
    if (startOffset < briefing.bodyStartOffset || seen.has(mention.entity) || !isProse(start.line) || !isProse(end.line)) continue;
    seen.add(mention.entity);
    mark(start.line, start.character);
    mark(end.line, end.character);
  }
  for (const characters of marks.values()) characters.sort((a, b) => b - a);
  return marks;
}

function withMarks(text: string, characters: readonly number[] | undefined): string {
  if (!characters) return text;
  let marked = text;
  for (const character of characters) marked = `${marked.slice(0, character)}**${marked.slice(character)}`;
  return marked;
}

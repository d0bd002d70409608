import type { Briefing } from '../model/types';

export interface FoldingRegion {
  /** 0-based first and last lines. */
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'frontMatter' | 'section' | 'event';
}

/** Foldable regions: the front matter, each section, each event that spans several lines. */
export function foldingRegions(briefing: Briefing): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const front = briefing.frontMatter;
  if (front && front.range.end.line > front.range.start.line) {
    regions.push({ startLine: front.range.start.line, endLine: front.range.end.line, kind: 'frontMatter' });
  }
  for (const section of briefing.sections) {
    if (section.range.end.line > section.range.start.line) {
      regions.push({ startLine: section.range.start.line, endLine: section.range.end.line, kind: 'section' });
    }
  }
  for (const event of briefing.events) {
    if (event.range.end.line > event.range.start.line) {
      regions.push({ startLine: event.range.start.line, endLine: event.range.end.line, kind: 'event' });
    }
  }
  return regions;
}

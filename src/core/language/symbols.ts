import type { Briefing, EventFacts, TextRange } from '../model/types';
import { plainText } from '../text/escape';
import { dateLabel } from './timeline';

export type SymbolKind = 'frontMatter' | 'section' | 'event' | 'actor' | 'place';

export interface BriefingSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  readonly range: TextRange;
  readonly selectionRange: TextRange;
  readonly children: BriefingSymbol[];
}

/** A one-line label of an event: its date expression and the start of its text. */
export function eventLabel(event: Pick<EventFacts, 'text' | 'start' | 'end'>, maxLength = 60): string {
  return `${dateLabel(event)} ${plainText(event.text, maxLength)}`.trim();
}

/**
 * How many events, and how many actors and places, a briefing's outline lists at most: above it,
 * it lists none of them. VS Code asks for the outline after every edit (breadcrumbs, sticky
 * scroll), and thousands of symbols keep its window busy after each pause in typing; the Events
 * and Actors views list them, and Go to Symbol in Workspace finds them.
 */
export const OUTLINE_MAX_ITEMS = 1000;

/**
 * The outline: the front matter with its actors and places, then sections as a hierarchy, each
 * holding its events (the events, or the entities, left out above `maxItems` of them).
 */
export function documentSymbols(briefing: Briefing, maxItems = OUTLINE_MAX_ITEMS): BriefingSymbol[] {
  const roots: BriefingSymbol[] = [];
  const front = briefing.frontMatter;
  if (front) {
    const own = briefing.entities.filter((entity) => entity.definition.source === undefined);
    const children = (own.length > maxItems ? [] : own).map((entity) => ({
      name: entity.name,
      detail: [entity.type, entity.kind === 'actor' ? entity.role : entity.country].filter(Boolean).join(' · '),
      kind: entity.kind,
      range: entity.definition.entryRange,
      selectionRange: entity.definition.nameRange,
      children: [],
    }));
    roots.push({
      name: front.title ? plainText(front.title, 80) : 'Front matter',
      detail: 'front matter',
      kind: 'frontMatter',
      range: front.range,
      selectionRange: front.range,
      children,
    });
  }
  const sectionSymbols: BriefingSymbol[] = briefing.sections.map((section) => ({
    name: section.title || '(untitled)',
    detail: '',
    kind: 'section' as const,
    range: section.range,
    selectionRange: section.headingRange,
    children: [],
  }));
  briefing.sections.forEach((section, index) => {
    if (section.parentIndex === undefined) roots.push(sectionSymbols[index]);
    else sectionSymbols[section.parentIndex].children.push(sectionSymbols[index]);
  });
  for (const event of briefing.events.length > maxItems ? [] : briefing.events) {
    const symbol: BriefingSymbol = {
      name: eventLabel(event),
      detail: [...event.actors, ...event.places].join(', '),
      kind: 'event',
      range: event.range,
      selectionRange: event.dateRange,
      children: [],
    };
    if (event.sectionIndex === undefined) roots.push(symbol);
    else sectionSymbols[event.sectionIndex].children.push(symbol);
  }
  return inDocumentOrder(roots);
}

function inDocumentOrder(symbols: BriefingSymbol[]): BriefingSymbol[] {
  symbols.sort((a, b) => a.range.startOffset - b.range.startOffset);
  for (const symbol of symbols) inDocumentOrder(symbol.children);
  return symbols;
}

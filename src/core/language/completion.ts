import { ENTRY_KEYS } from '../yaml/entities';
import { RELATION_KEYS } from '../yaml/relations';
import { isWordCharBefore } from '../text/wordCharacters';
import { normalizeTerm } from '../match/matcher';
import { ENTITY_TYPES, type Briefing, type Entity, type EventFacts } from '../model/types';
import type { BriefingSummary } from './summary';
import type { EventColumns } from './eventColumns';
import type { Registry } from '../parse/registry';

export const TOP_LEVEL_KEYS = ['title', 'date', 'classification', 'tlp', 'author', 'tags', 'actors', 'places'] as const;

export type CompletionContext =
  | { readonly kind: 'entity'; readonly prefixStart: number }
  | { readonly kind: 'tag'; readonly prefixStart: number }
  | { readonly kind: 'source'; readonly prefixStart: number }
  | { readonly kind: 'grade'; readonly prefixStart: number }
  | { readonly kind: 'topLevelKey'; readonly prefixStart: number }
  | { readonly kind: 'entryKey'; readonly prefixStart: number }
  | { readonly kind: 'relationKey'; readonly prefixStart: number }
  | { readonly kind: 'entityType'; readonly prefixStart: number }
  | { readonly kind: 'relationTarget'; readonly prefixStart: number }
  | { readonly kind: 'relationType'; readonly prefixStart: number }
  | { readonly kind: 'none' };

/** What may be completed at an offset: where the word being typed starts, and what it is. */
export function completionContext(briefing: Briefing, offset: number, registries: readonly Registry[] = []): CompletionContext {
  const text = briefing.lines.text;
  const line = briefing.lines.lineAt(offset);
  const lineStart = briefing.lines.lineStart(line);
  const before = text.slice(lineStart, offset);
  const front = briefing.frontMatter;

  if (front && offset >= front.contentRange.startOffset && offset <= front.contentRange.endOffset && line < front.range.end.line) {
    // A relation's `to:` or `type:`, in a block (`- to: `) or a flow mapping (`{ to: X, type: `).
    const relationValue = /(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)(to|type):[ \t]*([^,{}[\]#:]*)$/.exec(before);
    if (relationValue && (relationValue[1] === 'to' || inRelations(briefing, line, before))) {
      return { kind: relationValue[1] === 'to' ? 'relationTarget' : 'relationType', prefixStart: offset - relationValue[2].length };
    }
    const typeValue = /^[ \t]*(?:-[ \t]+)?type:[ \t]*([\w-]*)$/.exec(before);
    if (typeValue) return { kind: 'entityType', prefixStart: offset - typeValue[1].length };
    const key = /^([ \t]*)(-[ \t]+)?([\w-]*)$/.exec(before);
    if (key) {
      const topLevel = key[1] === '' && key[2] === undefined;
      const kind = topLevel ? 'topLevelKey' : inRelations(briefing, line, before) ? 'relationKey' : 'entryKey';
      return { kind, prefixStart: offset - key[3].length };
    }
    return { kind: 'none' };
  }
  if (offset < briefing.bodyStartOffset) return { kind: 'none' };

  // An Admiralty code after a source's label: `- [S1] (`, `[S1]: (B`.
  const grade = /^[ \t]*(?:[-*+][ \t]+)?\[S\d{1,6}\]:?[ \t]*\(([A-Fa-f]?)$/.exec(before);
  if (grade) return { kind: 'grade', prefixStart: offset - grade[1].length };
  // A citation being typed: `[S`, `[S1, S`.
  const citation = /\[(?:S\d{1,6}[,;] ?)*(S\d{0,6})$/.exec(before);
  if (citation) return { kind: 'source', prefixStart: offset - citation[1].length };
  const tag = /(?:^|[^\p{L}\p{N}_&#])#([\p{L}\p{N}_-]*)$/u.exec(before);
  if (tag) return { kind: 'tag', prefixStart: offset - tag[1].length };
  return { kind: 'entity', prefixStart: entityPrefixStart(briefing, registries, lineStart, offset) };
}

/**
 * Whether the key being typed on `line` (its text up to the cursor: `before`) is inside a
 * `relations:` list: on that line after `relations: [`, or when the first key above it that is
 * less indented, list items aside (the relation itself, its siblings), is `relations:`.
 */
function inRelations(briefing: Briefing, line: number, before: string): boolean {
  if (/relations:[ \t]*\[/.test(before)) return true;
  const keyColumn = /^[ \t]*(?:-[ \t]+)?(?:\{[ \t]*)?/.exec(before)![0].length;
  for (let above = line - 1; above >= 0; above--) {
    const text = briefing.lines.text.slice(briefing.lines.lineStart(above), briefing.lines.lineEnd(above));
    const content = text.trimStart();
    if (content === '' || content.startsWith('#') || content.startsWith('-') || text.length - content.length >= keyColumn) continue;
    return content.startsWith('relations:');
  }
  return false;
}

/** The relation types used in some briefings and registries (`ally of`, `meets`), each once, sorted. */
export function relationTypesOf(briefings: Iterable<Briefing | BriefingSummary>, registries: readonly Registry[] = []): string[] {
  const types = new Set<string>();
  for (const briefing of briefings) for (const entity of briefing.entities) for (const relation of entity.relations) types.add(relation.type);
  for (const registry of registries) for (const draft of registry.entities) for (const relation of draft.relations) types.add(relation.type);
  return [...types].sort((a, b) => a.localeCompare(b));
}

const sortedTermsCache = new WeakMap<Briefing, string[]>();

/** Every name and alias in lower case, with single spaces, sorted: for prefix searches. */
function sortedTerms(briefing: Briefing, registries: readonly Registry[]): string[] {
  let terms = sortedTermsCache.get(briefing);
  if (!terms) {
    terms = entityCompletions(briefing, registries)
      .map((item) => normalizeTerm(item.label).toLowerCase())
      .sort();
    sortedTermsCache.set(briefing, terms);
  }
  return terms;
}

function someTermStartsWith(terms: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (terms[mid] < prefix) low = mid + 1;
    else high = mid;
  }
  return low < terms.length && terms[low].startsWith(prefix);
}

/**
 * Where the name being typed starts: the leftmost word start on the line from which the text
 * typed so far is the beginning of some name or alias ("Vladimir Pu" for "Vladimir Putin"),
 * else the start of the current word.
 */
function entityPrefixStart(briefing: Briefing, registries: readonly Registry[], lineStart: number, offset: number): number {
  const text = briefing.lines.text;
  const terms = sortedTerms(briefing, registries);
  const from = Math.max(lineStart, offset - 80);
  for (let start = from; start < offset; start++) {
    if (isWordCharBefore(text, start) || /\s/.test(text[start])) continue;
    const typed = normalizeTerm(text.slice(start, offset)).toLowerCase();
    if (typed !== '' && someTermStartsWith(terms, typed)) return start;
  }
  let start = offset;
  while (start > lineStart && isWordCharBefore(text, start)) start--;
  return start;
}

export interface EntityCompletion {
  /** The text inserted: the name or an alias. */
  readonly label: string;
  readonly entity: Entity;
  readonly isAlias: boolean;
}

/**
 * How many names VS Code's suggest widget scores strictly: above it, the first letter typed must
 * fall at the start of a word of the name (its `filterGraceful` tries no swapped letters); at
 * or under it, it forgives a typo, and every name is sent.
 */
export const STRICTLY_FILTERED_COMPLETIONS = 2000;

/**
 * Every name and alias of the briefing's entities, then of the registries' entities it does not
 * have yet (a registry entity joins the model once mentioned), names before aliases. When there
 * are more than VS Code filters gracefully and `typed` is not empty, only those VS Code could
 * show for it: whose words include one that starts with its first letter (`mayShowFor`). A
 * briefing of a thousand entities has thousands of names, a team's registry tens of thousands,
 * and each was sent at every word typed.
 * @param firstLetterAtWordStart VS Code's `editor.suggest.matchOnWordStartOnly` (its default): off, a first letter may match anywhere
 */
export function entityCompletions(briefing: Briefing, registries: readonly Registry[] = [], typed = '', firstLetterAtWordStart = true): EntityCompletion[] {
  const items: EntityCompletion[] = [];
  const known = new Set<string>();
  const add = (entity: Entity) => {
    if (known.has(entity.name)) return;
    known.add(entity.name);
    items.push({ label: entity.name, entity, isAlias: false });
    for (const alias of entity.aliases) items.push({ label: alias, entity, isAlias: true });
  };
  briefing.entities.forEach(add);
  for (const registry of registries) {
    for (const draft of registry.entities) add({ ...draft, mentions: [] });
  }
  if (typed === '' || !firstLetterAtWordStart || items.length <= STRICTLY_FILTERED_COMPLETIONS) return items;
  // The first unit of the text lower-cased, as VS Code compares it: "İ" lower-cased is two units, "i" and a dot.
  const first = typed.toLowerCase()[0];
  return items.filter((item) => mayShowFor(item.label, first));
}

/**
 * Whether VS Code's strict fuzzy filter could show `label` for a text whose first letter (in
 * lower case) is `first`: that letter must match where VS Code scores a strong first match (the
 * label's start, an upper-case letter, a separator, or after one; `fuzzyScore` in its
 * `filters.ts`). A superset of those places, so that nothing VS Code would show is left out.
 */
export function mayShowFor(label: string, first: string): boolean {
  const lower = label.toLowerCase();
  // A letter whose lower case is longer ('İ') moves the places: kept, whatever it holds.
  if (lower.length !== label.length) return true;
  for (let at = lower.indexOf(first); at !== -1; at = lower.indexOf(first, at + 1)) {
    if (at === 0 || label[at] !== lower[at] || !LETTER_OR_DIGIT.test(label[at]) || !LETTER_OR_DIGIT.test(label[at - 1])) return true;
  }
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function keyCompletions(kind: 'topLevelKey' | 'entryKey' | 'relationKey'): readonly string[] {
  return kind === 'topLevelKey' ? TOP_LEVEL_KEYS : kind === 'relationKey' ? RELATION_KEYS : ENTRY_KEYS;
}

export const TYPE_VALUES: readonly string[] = ENTITY_TYPES;

/** The tags the events of some briefings use, each once, sorted. */
export function tagsOf(briefings: Iterable<{ readonly events: readonly Pick<EventFacts, 'tags'>[]; readonly eventColumns?: EventColumns }>): string[] {
  const tags = new Set<string>();
  for (const briefing of briefings) {
    // A summary's tags from its columns: no object made per event.
    if (briefing.eventColumns) for (const tag of briefing.eventColumns.tags()) tags.add(tag);
    else for (const event of briefing.events) for (const tag of event.tags) tags.add(tag);
  }
  return [...tags].sort((a, b) => a.localeCompare(b));
}

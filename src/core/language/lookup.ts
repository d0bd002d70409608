import { mentionIndexOf } from '../model/model';
import type { Briefing, Entity, EntityKind, Mention, Relation, Source, TextRange } from '../model/types';

export interface EntityAt {
  readonly entity: Entity;
  /** The mention or the `name:` value under the position. */
  readonly range: TextRange;
  readonly isDeclaration: boolean;
  readonly mention: Mention | undefined;
  /** The relation whose `to:` value is under the position. */
  readonly relation?: RelationAt;
}

export interface RelationAt {
  /** The entity whose entry holds the relation. */
  readonly owner: Entity;
  readonly relation: Relation;
  /** The entity its `to` names, when the briefing or a registry has it. */
  readonly target: Entity | undefined;
}

/** The relation whose `to:` value holds `offset`, among the briefing's own entries. */
export function relationAt(briefing: Briefing, offset: number): RelationAt | undefined {
  const front = briefing.frontMatter;
  if (!front || offset > front.range.endOffset) return undefined;
  for (const owner of briefing.entities) {
    if (owner.definition.source !== undefined) continue;
    for (const relation of owner.relations) {
      const { startOffset, endOffset } = relation.toRange;
      if (offset < startOffset || offset > endOffset) continue;
      const target = relation.target === undefined ? undefined : briefing.entities.find((entity) => entity.name === relation.target);
      return { owner, relation, target };
    }
  }
  return undefined;
}

/** The mention whose range holds `offset` (start inclusive, end inclusive, as a cursor after a word). */
export function mentionAt(briefing: Briefing, offset: number): Mention | undefined {
  const mentions = mentionIndexOf(briefing);
  const index = mentions.table.indexAt(offset);
  return index < 0 ? undefined : mentions.mention(index);
}

/** The entity under an offset: a mention in the body, the `name:` value of one of the briefing's own entries, or a relation's `to:` value. */
export function entityAt(briefing: Briefing, offset: number): EntityAt | undefined {
  const mention = mentionAt(briefing, offset);
  if (mention) return { entity: mention.entity, range: mention.range, isDeclaration: false, mention };
  const front = briefing.frontMatter;
  if (!front || offset > front.range.endOffset) return undefined;
  for (const entity of briefing.entities) {
    const range = entity.definition.nameRange;
    if (entity.definition.source === undefined && offset >= range.startOffset && offset <= range.endOffset) {
      return { entity, range, isDeclaration: true, mention: undefined };
    }
  }
  const relation = relationAt(briefing, offset);
  return relation?.target && { entity: relation.target, range: relation.relation.toRange, isDeclaration: false, mention: undefined, relation };
}

/** The entity whose name or one of whose aliases is exactly `term`. */
export function entityCalled(briefing: Briefing, term: string): Entity | undefined {
  return briefing.entities.find((entity) => entity.name === term || entity.aliases.includes(term));
}

const entitiesInEvents = new WeakMap<Briefing, Record<EntityKind, Set<string>>>();

/**
 * Whether an entity takes part in any event. The answers for every entity come from one pass
 * over the events per model: the Actors view asks for each of a long briefing's 1,000 entities,
 * and asking `eventsOf` each time read its 6,000 events 1,000 times after every edit.
 */
export function hasEvents(briefing: Briefing, entity: Entity): boolean {
  let names = entitiesInEvents.get(briefing);
  if (!names) {
    names = { actor: new Set(), place: new Set() };
    for (const event of briefing.events) {
      for (const name of event.actors) names.actor.add(name);
      for (const name of event.places) names.place.add(name);
    }
    entitiesInEvents.set(briefing, names);
  }
  return names[entity.kind].has(entity.name);
}

const mentionCounts = new WeakMap<Briefing, Map<Entity, number>>();

/** How often the body mentions an entity, counted once per model from its mention table, without making the mentions. */
export function mentionCount(briefing: Briefing, entity: Entity): number {
  let counts = mentionCounts.get(briefing);
  if (!counts) {
    counts = new Map();
    const index = mentionIndexOf(briefing);
    for (let i = 0; i < index.table.count; i++) {
      const mentioned = index.entityOf(i);
      counts.set(mentioned, (counts.get(mentioned) ?? 0) + 1);
    }
    mentionCounts.set(briefing, counts);
  }
  return counts.get(entity) ?? 0;
}

/** The events an entity takes part in, in document order. */
export function eventsOf(briefing: Briefing, entity: Entity) {
  const names = entity.kind === 'actor' ? 'actors' : 'places';
  return briefing.events.filter((event) => event[names].includes(entity.name));
}

export interface SourceAt {
  /** The cited label (`S1`), listed or not. */
  readonly id: string;
  readonly source: Source | undefined;
  /** The citation or the entry's label under the position. */
  readonly range: TextRange;
  readonly isDeclaration: boolean;
}

/** The source under an offset: a citation (`S1` in `[S1, S2]`), or the label of a listed source (`[S1]`). */
export function sourceAt(briefing: Briefing, offset: number): SourceAt | undefined {
  const { citations } = briefing;
  // The last citation starting at or before the offset (citations are in document order).
  let low = 0;
  let high = citations.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (citations[mid].range.startOffset <= offset) low = mid + 1;
    else high = mid - 1;
  }
  const citation = citations[high];
  if (citation && offset <= citation.range.endOffset) return { id: citation.id, source: citation.source, range: citation.range, isDeclaration: false };
  for (const source of briefing.sources) {
    const label = source.labelRange;
    if (offset >= label.startOffset && offset <= label.endOffset) return { id: source.id, source, range: label, isDeclaration: true };
  }
  return undefined;
}

/** A listed source's label without its brackets (the `S1` of `[S1]`): what a rename edits. */
export function labelIdRange(briefing: Briefing, source: Source): TextRange {
  return briefing.lines.range(source.labelRange.startOffset + 1, source.labelRange.endOffset - 1);
}

/** The citations of a source label, in document order. */
export function citationsOf(briefing: Briefing, id: string) {
  return briefing.citations.filter((citation) => citation.id === id);
}

/** What is under the cursor for hover, navigation and rename: an actor or place, else a source. */
export type SymbolAt = ({ readonly kind: 'entity' } & EntityAt) | ({ readonly kind: 'source' } & SourceAt);

/** The entity under an offset (a mention or an entry's `name:`), else the source (a citation or a listed label). */
export function symbolAt(briefing: Briefing, offset: number): SymbolAt | undefined {
  const entity = entityAt(briefing, offset);
  if (entity) return { kind: 'entity', ...entity };
  const source = sourceAt(briefing, offset);
  return source && { kind: 'source', ...source };
}

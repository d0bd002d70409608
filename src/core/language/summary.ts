/**
 * A briefing as the workspace's features need it when it is not open in an editor: what Go to
 * Symbol in Workspace, Find All References and rename across files, the completion of tags and
 * relation types (from its entities' relations), the workspace's chronology and pictures read. No text and no model: a team's 10,000
 * briefings kept whole took more memory than an extension host should (docs/performance.md).
 */
import type { Briefing, Entity, EntityFields, EventFacts, Relation } from '../model/types';
import { compactInts, type CompactInts } from '../text/compactInts';
import { FixedRange } from '../text/fixedRange';
import type { Position, TextRange } from '../text/positions';
import { EventColumns } from './eventColumns';
import { internTable, type Intern } from './intern';
import { mentionCount } from './lookup';

/** A relation as the link chart reads it: without the ranges of its parts. */
export type RelationFacts = Pick<Relation, 'to' | 'target' | 'type' | 'since' | 'until' | 'source'>;

/** An actor or place as the workspace's features and pictures read it. */
export interface SummaryEntity extends Pick<EntityFields, 'id' | 'name' | 'kind' | 'type' | 'aliases' | 'country' | 'coordinates'> {
  readonly relations: readonly RelationFacts[];
  /** Where it is defined: `source` undefined for the briefing's own front matter, else the registry's URI or path. */
  readonly definition: { readonly source: string | undefined; readonly nameRange: TextRange };
  readonly mentionCount: number;
  /**
   * The lines and characters of its mentions, four numbers each (start line, start character,
   * end line, end character), for a registry entity: the only ones another file refers to.
   */
  readonly mentionPositions: ArrayLike<number>;
}

export interface BriefingSummary {
  readonly entities: readonly SummaryEntity[];
  /** The events, made objects when read: a new list each time (the summary keeps `eventColumns`). */
  readonly events: readonly EventFacts[];
  readonly eventColumns: EventColumns;
  /** The sections' titles, at the places the events' `sectionIndex` names. */
  readonly sections: readonly { readonly title: string }[];
}

const NO_STRINGS: readonly string[] = [];
const NO_POSITIONS = new Int32Array(0);
const NO_RELATIONS: readonly RelationFacts[] = Object.freeze([]);

/** What a summary's entity holds but its mentions. */
type EntityFacts = Omit<SummaryEntity, 'mentionCount' | 'mentionPositions'>;

/**
 * A registry entity's facts, the same in every file that mentions it: made once, where each file's
 * copy added up in memory (a team's files mention registry entities hundreds of thousands of
 * times) and interning them again for each file slowed the reading.
 */
const registryFacts = new WeakMap<object, EntityFacts>();

export function summarize(briefing: Briefing, intern: Intern = internTable()): BriefingSummary {
  // The registry entities' mentions in one array for the file (each entity reads its part): an
  // array each cost more than the numbers it held.
  const counts = briefing.entities.map((entity) => mentionCount(briefing, entity));
  const registeredMentions = briefing.entities.reduce((sum, entity, index) => sum + (entity.definition.source === undefined ? 0 : counts[index]), 0);
  const positions = new Int32Array(registeredMentions * 4);
  let filled = 0;
  for (const entity of briefing.entities) {
    if (entity.definition.source === undefined) continue;
    for (const { range } of entity.mentions) {
      positions[filled++] = range.start.line;
      positions[filled++] = range.start.character;
      positions[filled++] = range.end.line;
      positions[filled++] = range.end.character;
    }
  }
  const filePositions = registeredMentions === 0 ? NO_POSITIONS : compactInts(positions);
  let first = 0;
  const entities = briefing.entities.map((entity, index): SummaryEntity => {
    const mentions = counts[index];
    if (entity.definition.source === undefined) return ownEntity(factsOf(entity, intern, true), mentions);
    // Its relations name their targets as this briefing resolves them (its own entities first): shared only without any.
    let facts = entity.relations.length === 0 ? registryFacts.get(entity.definition) : undefined;
    if (!facts) {
      facts = factsOf(entity, intern, false);
      if (entity.relations.length === 0) registryFacts.set(entity.definition, facts);
    }
    const inFile = new RegistryEntityInFile(facts, mentions, filePositions, first);
    first += mentions * 4;
    return inFile;
  });
  return new Summary(
    entities,
    new EventColumns(briefing.events, intern),
    briefing.sections.map((section) => ({ title: intern(section.title) })),
  );
}

/**
 * A class rather than an object with a getter made in `summarize`: the getter's closure would
 * keep all that function's scope alive, the model and its text among it.
 */
class Summary implements BriefingSummary {
  constructor(
    readonly entities: readonly SummaryEntity[],
    readonly eventColumns: EventColumns,
    readonly sections: readonly { readonly title: string }[],
  ) {}

  get events(): EventFacts[] {
    return this.eventColumns.all();
  }
}

/** An entity's facts as a summary keeps them, its strings interned; a registry entity's aliases are its registry's own list. */
function factsOf(entity: Entity, intern: Intern, internAliases: boolean): EntityFacts {
  const point = intern.point;
  return {
    id: intern(entity.id),
    name: intern(entity.name),
    kind: entity.kind,
    type: entity.type,
    aliases: !internAliases ? entity.aliases : entity.aliases.length === 0 ? NO_STRINGS : entity.aliases.map(intern),
    country: entity.country === undefined ? undefined : intern(entity.country),
    coordinates: entity.coordinates,
    relations:
      entity.relations.length === 0
        ? NO_RELATIONS
        : entity.relations.map((relation) => ({
            to: intern(relation.to),
            target: relation.target === undefined ? undefined : intern(relation.target),
            type: intern(relation.type),
            since: relation.since && point(relation.since),
            until: relation.until && point(relation.until),
            source: relation.source === undefined ? undefined : intern(relation.source),
          })),
    definition: { source: entity.definition.source === undefined ? undefined : intern(entity.definition.source), nameRange: FixedRange.of(entity.definition.nameRange) },
  };
}

/** The briefing's own entity: mentioned in no other file, so no positions kept. */
function ownEntity(facts: EntityFacts, mentionCount: number): SummaryEntity {
  const { id, name, kind, type, aliases, country, coordinates, relations, definition } = facts;
  return { id, name, kind, type, aliases, country, coordinates, relations, definition, mentionCount, mentionPositions: NO_POSITIONS };
}

/**
 * A registry entity as one file mentions it: its facts shared with every other file, its mentions
 * a part of the file's one array of positions. Four fields, where an object of its own facts and a
 * view of the array each weighed three times as much, hundreds of thousands of times over.
 */
class RegistryEntityInFile implements SummaryEntity {
  readonly #facts: EntityFacts;
  readonly #positions: CompactInts;
  readonly #first: number;

  constructor(
    facts: EntityFacts,
    readonly mentionCount: number,
    positions: CompactInts,
    first: number,
  ) {
    this.#facts = facts;
    this.#positions = positions;
    this.#first = first;
  }

  get id() {
    return this.#facts.id;
  }
  get name() {
    return this.#facts.name;
  }
  get kind() {
    return this.#facts.kind;
  }
  get type() {
    return this.#facts.type;
  }
  get aliases() {
    return this.#facts.aliases;
  }
  get country() {
    return this.#facts.country;
  }
  get coordinates() {
    return this.#facts.coordinates;
  }
  get relations() {
    return this.#facts.relations;
  }
  get definition() {
    return this.#facts.definition;
  }
  get mentionPositions(): CompactInts {
    return this.#positions.subarray(this.#first, this.#first + this.mentionCount * 4);
  }
}

/** Where a summary's entity is mentioned: a registry entity's mentions (none for the briefing's own). */
export function mentionPositionsOf(entity: SummaryEntity): { readonly start: Position; readonly end: Position }[] {
  const ranges: { start: Position; end: Position }[] = [];
  const at = entity.mentionPositions;
  for (let i = 0; i + 3 < at.length; i += 4) ranges.push({ start: { line: at[i], character: at[i + 1] }, end: { line: at[i + 2], character: at[i + 3] } });
  return ranges;
}

/**
 * A briefing as the workspace's features need it when it is not open in an editor: what Go to
 * Symbol in Workspace, Find All References and rename across files, the completion of tags and
 * relation types (from its entities' relations), the workspace's chronology and pictures read. No text and no model: a team's 10,000
 * briefings kept whole took more memory than an extension host should (docs/performance.md).
 */
import type { Briefing, EntityFields, EventFacts, Relation } from '../model/types';
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
  readonly mentionPositions: Int32Array;
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
/**
 * A registry entity's fields that are the same in every file that mentions it (its definition,
 * id, name, country; its aliases are its registry's): made once, where each file's copy added up
 * in memory and interning them again for each file slowed the reading of a team's files.
 */
const registryFields = new WeakMap<object, Pick<SummaryEntity, 'definition' | 'id' | 'name' | 'country'>>();

export function summarize(briefing: Briefing, intern: Intern = internTable()): BriefingSummary {
  // A date is its text (and whether `~` was written): one object per date the workspace writes.
  const point = intern.point;
  const names = (list: readonly string[]) => (list.length === 0 ? NO_STRINGS : list.map(intern));
  // The registry entities' mentions in one array (each entity a view of its part): an array each
  // cost more than the numbers it held.
  const counts = briefing.entities.map((entity) => mentionCount(briefing, entity));
  const registeredMentions = briefing.entities.reduce((sum, entity, index) => sum + (entity.definition.source === undefined ? 0 : counts[index]), 0);
  const allPositions = registeredMentions === 0 ? NO_POSITIONS : new Int32Array(registeredMentions * 4);
  let filled = 0;
  const entities = briefing.entities.map((entity, index): SummaryEntity => {
    const registered = entity.definition.source !== undefined;
    const mentions = counts[index];
    let positions = NO_POSITIONS;
    if (registered && mentions > 0) {
      positions = allPositions.subarray(filled, (filled += mentions * 4));
      entity.mentions.forEach(({ range }, k) => {
        const { start, end } = range;
        positions[k * 4] = start.line;
        positions[k * 4 + 1] = start.character;
        positions[k * 4 + 2] = end.line;
        positions[k * 4 + 3] = end.character;
      });
    }
    let fields = registered ? registryFields.get(entity.definition) : undefined;
    if (!fields) {
      fields = {
        definition: { source: entity.definition.source === undefined ? undefined : intern(entity.definition.source), nameRange: FixedRange.of(entity.definition.nameRange) },
        id: intern(entity.id),
        name: intern(entity.name),
        country: entity.country === undefined ? undefined : intern(entity.country),
      };
      if (registered) registryFields.set(entity.definition, fields);
    }
    return {
      id: fields.id,
      name: fields.name,
      kind: entity.kind,
      type: entity.type,
      aliases: registered ? entity.aliases : names(entity.aliases),
      country: fields.country,
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
      definition: fields.definition,
      mentionCount: mentions,
      mentionPositions: positions,
    };
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

/** Where a summary's entity is mentioned: a registry entity's mentions (none for the briefing's own). */
export function mentionPositionsOf(entity: SummaryEntity): { readonly start: Position; readonly end: Position }[] {
  const ranges: { start: Position; end: Position }[] = [];
  const at = entity.mentionPositions;
  for (let i = 0; i + 3 < at.length; i += 4) ranges.push({ start: { line: at[i], character: at[i + 1] }, end: { line: at[i + 2], character: at[i + 3] } });
  return ranges;
}

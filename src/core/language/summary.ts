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

export function summarize(briefing: Briefing, intern: Intern = internTable()): BriefingSummary {
  // A date is its text (and whether `~` was written): one object per date the workspace writes.
  const point = intern.point;
  const names = (list: readonly string[]) => (list.length === 0 ? NO_STRINGS : list.map(intern));
  const entities = briefing.entities.map((entity): SummaryEntity => {
    const registered = entity.definition.source !== undefined;
    const mentions = mentionCount(briefing, entity);
    const positions = registered ? new Int32Array(mentions * 4) : NO_POSITIONS;
    if (registered) {
      entity.mentions.forEach(({ range }, index) => {
        const { start, end } = range;
        positions.set([start.line, start.character, end.line, end.character], index * 4);
      });
    }
    return {
      id: intern(entity.id),
      name: intern(entity.name),
      kind: entity.kind,
      type: entity.type,
      aliases: names(entity.aliases),
      country: entity.country === undefined ? undefined : intern(entity.country),
      coordinates: entity.coordinates,
      relations: entity.relations.map((relation) => ({
        to: intern(relation.to),
        target: relation.target === undefined ? undefined : intern(relation.target),
        type: intern(relation.type),
        since: relation.since && point(relation.since),
        until: relation.until && point(relation.until),
        source: relation.source === undefined ? undefined : intern(relation.source),
      })),
      definition: { source: entity.definition.source === undefined ? undefined : intern(entity.definition.source), nameRange: FixedRange.of(entity.definition.nameRange) },
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

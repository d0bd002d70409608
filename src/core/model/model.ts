import type { LineIndex } from '../text/lineIndex';
import { MentionIndex, MentionTable } from './mentionTable';
import type { Briefing, BriefingEvent, Citation, Diagnostic, Entity, EntityDraft, EntityFields, FrontMatter, Mention, PortionMarking, Relation, Section, Source } from './types';

// The entry's fields are declared once, in `EntityFields`, and copied from the draft by the constructor.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface ModelEntity extends EntityFields {}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** An entity of one model: the entry's fields, and its mentions in that model's body, made when first read. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ModelEntity implements Entity {
  readonly #index: MentionIndex;
  readonly #slot: number;

  constructor(draft: EntityDraft, index: MentionIndex, slot: number, relations: readonly Relation[] = draft.relations) {
    this.#index = index;
    this.#slot = slot;
    // Field by field: every parse makes one per entity, and a rest spread with Object.assign
    // costs several times as much.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the writable view of fields declared readonly
    const fields: Writable<EntityFields> = this;
    fields.id = draft.id;
    fields.name = draft.name;
    fields.kind = draft.kind;
    fields.type = draft.type;
    fields.aliases = draft.aliases;
    fields.role = draft.role;
    fields.affiliation = draft.affiliation;
    fields.country = draft.country;
    fields.summary = draft.summary;
    fields.coordinates = draft.coordinates;
    fields.links = draft.links;
    fields.relations = relations;
    fields.definition = draft.definition;
  }

  get mentions(): readonly Mention[] {
    return this.#index.mentionsOf(this.#slot);
  }

  #alone: readonly string[] | undefined;

  /**
   * The name as a list of one, shared by the model's events whose participant it is alone. (Not
   * across models: a table of names shared by all, bounded, turned over for a registry of tens of
   * thousands and copied each name again; a closed file's summary keeps names as numbers.)
   */
  get nameAlone(): readonly string[] {
    return (this.#alone ??= Object.freeze([this.name]));
  }
}

/** The model `parseBriefing` returns: its mentions are kept as numbers and made objects when read. */
export class BriefingModel implements Briefing {
  constructor(
    readonly frontMatter: FrontMatter | undefined,
    readonly entities: readonly Entity[],
    readonly mentionIndex: MentionIndex,
    readonly events: readonly BriefingEvent[],
    readonly sections: readonly Section[],
    readonly sources: readonly Source[],
    readonly citations: readonly Citation[],
    readonly portions: readonly PortionMarking[],
    readonly diagnostics: readonly Diagnostic[],
    readonly bodyStartOffset: number,
    readonly lines: LineIndex,
    /** Sorted `[start, end)` offset pairs of the body where there is no prose (code, HTML, link syntax, URLs). */
    readonly excluded: readonly number[] = [],
  ) {}

  get mentions(): readonly Mention[] {
    return this.mentionIndex.mentions();
  }
}

const indexOfOtherModels = new WeakMap<Briefing, MentionIndex>();

/**
 * A model's mention index. Every model the parser makes has one; for any other object that
 * satisfies `Briefing`, one is built from its mentions.
 */
export function mentionIndexOf(briefing: Briefing): MentionIndex {
  // Told by its field, not by `instanceof`: the on-demand bundle's copy of this code reads models the extension's bundle made.
  const own = (briefing as Partial<BriefingModel>).mentionIndex;
  if (own) return own;
  let index = indexOfOtherModels.get(briefing);
  if (!index) {
    const table = new MentionTable(briefing.mentions.length);
    const entities: Entity[] = [];
    const slots = new Map<Entity, number>();
    for (const mention of briefing.mentions) {
      let slot = slots.get(mention.entity);
      if (slot === undefined) {
        slot = entities.push(mention.entity) - 1;
        slots.set(mention.entity, slot);
      }
      const { range } = mention;
      table.add(slot, range.start.line, range.startOffset, range.endOffset);
    }
    index = new MentionIndex(table, entities, briefing.lines);
    indexOfOtherModels.set(briefing, index);
  }
  return index;
}

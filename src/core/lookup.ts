import { mentionIndexOf } from './model';
import type { Briefing, Entity, Mention, TextRange } from './types';

export interface EntityAt {
  readonly entity: Entity;
  /** The mention or the `name:` value under the position. */
  readonly range: TextRange;
  readonly isDeclaration: boolean;
  readonly mention: Mention | undefined;
}

/** The mention whose range holds `offset` (start inclusive, end inclusive, as a cursor after a word). */
export function mentionAt(briefing: Briefing, offset: number): Mention | undefined {
  const mentions = mentionIndexOf(briefing);
  const index = mentions.table.indexAt(offset);
  return index < 0 ? undefined : mentions.mention(index);
}

/** The entity under an offset: a mention in the body, or the `name:` value of one of the briefing's own entries. */
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
  return undefined;
}

/** The events an entity takes part in, in document order. */
export function eventsOf(briefing: Briefing, entity: Entity) {
  const names = entity.kind === 'actor' ? 'actors' : 'places';
  return briefing.events.filter((event) => event[names].includes(entity.name));
}

import { mentionIndexOf } from './model';
import type { Briefing, Diagnostic, Entity } from './types';

/**
 * Hints on the entities of the briefing's own front matter that its body never mentions, by
 * name or alias: the editor fades their names, as it fades an unused variable. Not part of the
 * model's diagnostics (`briefing check`, the export): a list of actors may hold more than the
 * text names, as a reading list may, so this is no problem, only a sign to the writer.
 */
export function unmentionedHints(briefing: Briefing): Diagnostic[] {
  const index = mentionIndexOf(briefing);
  const mentioned = new Set<Entity>();
  let last: Entity | undefined;
  for (let i = 0; i < index.table.count; i++) {
    const entity = index.entityOf(i);
    if (entity !== last) mentioned.add((last = entity));
  }
  const hints: Diagnostic[] = [];
  for (const entity of briefing.entities) {
    if (entity.definition.source !== undefined || mentioned.has(entity)) continue;
    const what = entity.kind === 'actor' ? 'Actor' : 'Place';
    hints.push({ range: entity.definition.nameRange, severity: 'hint', code: 'unmentioned-entity', message: `${what} '${entity.name}' is not mentioned in the text, by name or alias` });
  }
  return hints;
}

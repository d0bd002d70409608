import { mentionIndexOf } from '../model/model';
import type { Briefing, Diagnostic, Entity, Source } from '../model/types';

/**
 * Hints on what the briefing registers and its text never uses: an entity of its own front
 * matter never mentioned by name or alias, a source listed and never cited. The editor fades
 * them, as it fades an unused variable. Not part of the model's diagnostics (`briefing check`,
 * the export): a list of actors or sources may rightly hold more than the text names, as a
 * reading list does, so this is no problem, only a sign to the writer.
 */
export function unusedHints(briefing: Briefing): Diagnostic[] {
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
    hints.push({
      range: entity.definition.nameRange,
      severity: 'hint',
      code: 'unmentioned-entity',
      message: `${what} '${entity.name}' is not mentioned in the text, by name or alias`,
    });
  }
  const cited = new Set<Source | undefined>(briefing.citations.map((citation) => citation.source));
  for (const source of briefing.sources) {
    if (!cited.has(source)) hints.push({ range: source.labelRange, severity: 'hint', code: 'uncited-source', message: `Source [${source.id}] is not cited in the text` });
  }
  return hints;
}

import type { DiagnosticSink } from './diagnostics';
import type { EntityDraft } from './entities';
import { normalizeTerm, TermMatcher } from './matcher';

/**
 * Registers every entity's name and aliases in a matcher, in order: the first definition
 * of a term wins. When a sink is given, a repeated term gets a Warning at its later definition.
 */
export function buildMatcher(entities: readonly EntityDraft[], sink: DiagnosticSink | undefined, ownSource: string | undefined): TermMatcher {
  const matcher = new TermMatcher();
  entities.forEach((entity, index) => {
    const reportable = sink !== undefined && entity.definition.source === ownSource;
    const terms = [entity.name, ...entity.aliases];
    const spans = [entity.nameSpan, ...entity.aliasSpans];
    terms.forEach((term, termIndex) => {
      if (matcher.add(term, index) || !reportable) return;
      const owner = entities[matcher.lookup(normalizeTerm(term))];
      const [start, end] = spans[termIndex];
      const where = owner.definition.source === ownSource ? `line ${owner.definition.nameRange.start.line + 1}` : owner.definition.source;
      if (owner === entity) {
        sink.add(start, end, 'warning', 'duplicate-alias', `'${term}' is listed twice for ${entity.name}`);
      } else if (termIndex === 0) {
        sink.add(start, end, 'warning', 'duplicate-entity', `'${term}' is already a name or alias of ${owner.name} (${where}); the first definition wins`);
      } else {
        sink.add(start, end, 'warning', 'duplicate-alias', `Alias '${term}' is already used by ${owner.name} (${where}); the first definition wins`);
      }
    });
  });
  return matcher;
}

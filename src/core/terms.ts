import type { DiagnosticSink, OffsetFix } from './diagnostics';
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
      const removal = termIndex > 0 ? aliasRemoval(sink.text, start, end, term) : undefined;
      if (owner === entity) {
        sink.add(start, end, 'warning', 'duplicate-alias', `'${term}' is listed twice for ${entity.name}`, removal);
      } else if (termIndex === 0) {
        sink.add(start, end, 'warning', 'duplicate-entity', `'${term}' is already a name or alias of ${owner.name} (${where}); the first definition wins`);
      } else {
        sink.add(start, end, 'warning', 'duplicate-alias', `Alias '${term}' is already used by ${owner.name} (${where}); the first definition wins`, removal);
      }
    });
  });
  return matcher;
}

/**
 * The edit that removes one alias from its list: with its comma in a flow list (`[A, B]`), or
 * its whole line in a block list (`- B`). Undefined when the alias is the list's only content.
 */
export function aliasRemoval(text: string, start: number, end: number, term: string): OffsetFix | undefined {
  const title = `Remove the duplicate alias '${term}'`;
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if (text[before - 1] === ',') return { title, edits: [{ start: before - 1, end, newText: '' }] };
  if (text[after] === ',') {
    let next = after + 1;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
    return { title, edits: [{ start, end: next, newText: '' }] };
  }
  if (text[before - 1] === '-') {
    // A block list item: remove its whole line, line break included.
    let lineStart = before - 1;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    let lineEnd = after;
    if (text[lineEnd] === '\r') lineEnd++;
    if (text[lineEnd] === '\n') lineEnd++;
    if (/^[ \t]*-$/.test(text.slice(lineStart, before))) return { title, edits: [{ start: lineStart, end: lineEnd, newText: '' }] };
  }
  return undefined;
}

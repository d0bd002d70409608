import { citationsOf, labelIdRange } from './lookup';
import { normalizeTerm } from '../match/matcher';
import type { Briefing, Entity, TextRange } from '../model/types';
import type { Registry } from '../parse/registry';
import { yamlScalar } from '../yaml/yamlSource';

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/** Why a rename is refused, or undefined when the new name is acceptable. */
export function renameProblem(newName: string): string | undefined {
  if (newName.trim() === '') return 'The new name must not be empty.';
  if (/[\r\n]/.test(newName)) return 'A name is one line.';
  return undefined;
}

/**
 * The edits in one document's text that rename an entity: its `name:` value (when `definitionText`
 * holds the definition), every mention written with the canonical name, and every relation's `to:`
 * written with it. Aliases are untouched.
 */
export function renameEditsInBriefing(briefing: Briefing, entityName: string, newName: string): TextEdit[] {
  const target = normalizeTerm(entityName);
  const edits: TextEdit[] = [];
  for (const mention of briefing.mentions) {
    if (mention.entity.name !== entityName) continue;
    if (normalizeTerm(mention.text) === target) edits.push({ range: mention.range, newText: newName });
    else {
      // A mention spanning several of the entity's terms ("Chairman Kim Jong Un"): the name inside it.
      const inside = namePattern(target).exec(mention.text);
      if (inside) edits.push({ range: subRange(mention.range, inside.index, inside.index + inside[0].length), newText: newName });
    }
  }
  // Relations of the briefing's own entries whose `to:` is the name (an alias stays as written).
  for (const owner of briefing.entities) {
    if (owner.definition.source !== undefined) continue;
    for (const relation of owner.relations) {
      if (relation.target === entityName && relation.to === entityName) edits.push(renameValueEdit(briefing.lines.text, relation.toRange, newName));
    }
  }
  return edits;
}

/**
 * The edits in a registry's text that rename, in its relations, the `to:` values written with an
 * entity's name. Only where the text still holds that name: `text` is the registry as it is now.
 */
export function renameEditsInRegistry(registry: Registry, text: string, entityName: string, newName: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const draft of registry.entities) {
    for (const relation of draft.relations) {
      const { toRange } = relation;
      if (relation.to === entityName && text.slice(toRange.startOffset, toRange.endOffset).includes(entityName)) edits.push(renameValueEdit(text, toRange, newName));
    }
  }
  return edits;
}

/** A name as written in prose: each space any run of spaces or tabs, whole words. */
function namePattern(normalized: string): RegExp {
  const words = normalized.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])${words.join('[ \\t]+')}(?![\\p{L}\\p{N}\\p{M}_])`, 'u');
}

/** `[from, to)` of a range on one line (a mention never spans lines). */
function subRange(range: TextRange, from: number, to: number): TextRange {
  return {
    start: { line: range.start.line, character: range.start.character + from },
    end: { line: range.start.line, character: range.start.character + to },
    startOffset: range.startOffset + from,
    endOffset: range.startOffset + to,
  };
}

/** The edit of an entity's `name:` value in the text that defines it (front matter or registry). */
export function renameDefinitionEdit(definitionText: string, entity: Entity, newName: string): TextEdit {
  return renameValueEdit(definitionText, entity.definition.nameRange, newName);
}

/** The edit of a YAML value that holds a name (`name:`, a relation's `to:`), quoted as it was or as YAML needs. */
function renameValueEdit(definitionText: string, range: TextRange, newName: string): TextEdit {
  const current = definitionText.slice(range.startOffset, range.endOffset);
  const quote = current[0];
  if ((quote === '"' || quote === "'") && current.endsWith(quote) && current.length >= 2) {
    const inner = quote === '"' ? JSON.stringify(newName).slice(1, -1) : newName.replace(/'/g, "''");
    return { range, newText: `${quote}${inner}${quote}` };
  }
  const inFlowCollection = /[[{,]\s*([\w-]+:\s*)?$/.test(definitionText.slice(Math.max(0, range.startOffset - 40), range.startOffset));
  const scalar = yamlScalar(newName);
  return { range, newText: inFlowCollection && /[,[\]{}]/.test(newName) ? JSON.stringify(newName) : scalar };
}

/** Applies non-overlapping edits to a text (for tests and for files that are not open). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.startOffset - a.range.startOffset);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.range.startOffset) + edit.newText + result.slice(edit.range.endOffset);
  return result;
}

/** A source label as typed (`S4`, `s4`, `4`, `[S4]`), written as labels are (`S4`); undefined if it is none. */
export function sourceLabel(typed: string): string | undefined {
  const match = /^\[?[Ss]?(\d{1,6})\]?$/.exec(typed.trim());
  return match ? `S${match[1]}` : undefined;
}

/**
 * The edits that rename a source label (`S2` → `S4`): its entry's label and every citation of it.
 * A problem instead when the new label is no label or is listed already (two sources would merge).
 */
export function renameSourceEdits(briefing: Briefing, id: string, typed: string): TextEdit[] | { readonly problem: string } {
  const newId = sourceLabel(typed);
  if (!newId) return { problem: `A source label is S and a number, such as S4; not '${typed.trim()}'.` };
  if (newId !== id && briefing.sources.some((source) => source.id === newId)) {
    return { problem: `${newId} is listed already: renaming ${id} to it would make two sources one.` };
  }
  const edits: TextEdit[] = [];
  const listed = briefing.sources.find((source) => source.id === id);
  if (listed) edits.push({ range: labelIdRange(briefing, listed), newText: newId });
  for (const citation of citationsOf(briefing, id)) edits.push({ range: citation.range, newText: newId });
  return edits;
}

import { lineBreakOf } from '../text/wordCharacters';
import type { TextEdit } from './rename';
import { yamlScalar } from '../yaml/yamlSource';
import type { Briefing, EntityKind } from '../model/types';

/** What "Add Actor…" and "Add Place…" ask for; empty fields are left out of the entry. */
export interface NewEntry {
  readonly name: string;
  readonly type?: string;
  readonly role?: string;
  readonly affiliation?: string;
  readonly country?: string;
  readonly aliases?: readonly string[];
}

/** The entry's fields after `name`, in the format's order, without the empty ones. */
function fieldsOf(entry: NewEntry): [string, string][] {
  const fields: [string, string][] = [];
  const aliases = (entry.aliases ?? []).map((alias) => alias.trim()).filter(Boolean);
  if (aliases.length > 0) fields.push(['aliases', `[${aliases.map(flowScalar).join(', ')}]`]);
  for (const key of ['type', 'role', 'affiliation', 'country'] as const) {
    const value = entry[key]?.trim();
    if (value) fields.push([key, flowScalar(value)]);
  }
  return fields;
}

/** A scalar fit for a flow collection too: quoted when it holds `,`, brackets or braces. */
const flowScalar = (value: string) => {
  const scalar = yamlScalar(value);
  return scalar.startsWith('"') || !/[,[\]{}]/.test(scalar) ? scalar : JSON.stringify(value);
};

/**
 * The edit that registers a new actor or place: an entry appended to the front matter's `actors:`
 * or `places:` list (its fields under its name, indented as the list's items are), the list
 * created if missing, the front matter created if there is none. Line breaks follow the
 * document's. In a flow list (`[A, B]`) an entry with fields is a flow mapping.
 */
export function newEntryEdit(briefing: Briefing, kind: EntityKind, entryOrName: NewEntry | string): TextEdit {
  const entry = typeof entryOrName === 'string' ? { name: entryOrName } : entryOrName;
  const { name } = entry;
  const fields = fieldsOf(entry);
  const text = briefing.lines.text;
  const eol = lineBreakOf(text);
  const key = kind === 'actor' ? 'actors' : 'places';
  const scalar = yamlScalar(name.trim());
  const block = (itemIndent: string) =>
    [`${itemIndent}- name: ${scalar}`, ...fields.map(([field, value]) => `${itemIndent}  ${field}: ${value}`)].map((line) => `${line}${eol}`).join('');
  const at = (offset: number, newText: string): TextEdit => ({ range: briefing.lines.range(offset, offset), newText });
  const front = briefing.frontMatter;
  if (!front) return at(0, `---${eol}${key}:${eol}${block('  ')}---${eol}`);

  const list = front.lists[key];
  // A new list at the end of the front matter, just before its closing line.
  if (!list) return at(front.contentRange.endOffset, `${key}:${eol}${block('  ')}`);
  if (list.flowEnd !== undefined) {
    const inside = text.slice(text.lastIndexOf('[', list.flowEnd) + 1, list.flowEnd).trim();
    const item = fields.length > 0 ? `{name: ${flowScalar(name.trim())}, ${fields.map(([field, value]) => `${field}: ${value}`).join(', ')}}` : flowScalar(name.trim());
    return at(list.flowEnd, `${inside === '' ? '' : ', '}${item}`);
  }
  const needsBreak = list.insertOffset === text.length && !/[\r\n]$/.test(text);
  return at(list.insertOffset, `${needsBreak ? eol : ''}${block(list.itemIndent)}`);
}

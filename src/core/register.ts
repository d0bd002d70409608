import { lineBreakOf } from './characters';
import type { TextEdit } from './rename';
import { yamlScalar } from './yamlSource';
import type { Briefing, EntityKind } from './types';

/**
 * The edit that registers a new actor or place with the given name: an entry appended to the
 * front matter's `actors:` or `places:` list, the list created if missing, the front matter
 * created if there is none. Line breaks follow the document's.
 */
export function registerEntityEdit(briefing: Briefing, kind: EntityKind, name: string): TextEdit {
  const text = briefing.lines.text;
  const eol = lineBreakOf(text);
  const key = kind === 'actor' ? 'actors' : 'places';
  const scalar = yamlScalar(name.trim());
  const at = (offset: number, newText: string): TextEdit => ({ range: briefing.lines.range(offset, offset), newText });
  const front = briefing.frontMatter;
  if (!front) return at(0, `---${eol}${key}:${eol}  - name: ${scalar}${eol}---${eol}`);

  const list = front.lists[key];
  if (!list) {
    // A new list at the end of the front matter, just before its closing line.
    return at(front.contentRange.endOffset, `${key}:${eol}  - name: ${scalar}${eol}`);
  }
  if (list.flowEnd !== undefined) {
    const inside = text.slice(text.lastIndexOf('[', list.flowEnd) + 1, list.flowEnd).trim();
    return at(list.flowEnd, `${inside === '' ? '' : ', '}${scalar.startsWith('"') || !/[,[\]{}]/.test(scalar) ? scalar : JSON.stringify(name.trim())}`);
  }
  const needsBreak = list.insertOffset === text.length && !/[\r\n]$/.test(text);
  return at(list.insertOffset, `${needsBreak ? eol : ''}${list.itemIndent}- name: ${scalar}${eol}`);
}

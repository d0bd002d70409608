import { datePointAt, dayNumber, pointLength } from '../dates/dates';
import type { DatePoint, Relation } from '../model/types';
import { closestWord } from '../text/closestWord';
import { isMap, isSeq, nodeSpan, scalarText, scalarValue, type YamlScope } from './yamlSource';

export const RELATION_KEYS = ['to', 'type', 'since', 'until', 'source'] as const;

/**
 * Reads an entry's `relations:` list (format v1.1): `{ to, type, since, until, source }` each.
 * A relation without `to` or `type` is an Error and is not read; whether `to` names a known
 * entity is checked by the parse, which knows them all.
 */
export function readRelations(node: unknown, span: [number, number], scope: YamlScope): Relation[] {
  if (scalarValue(node) === null) return [];
  if (!isSeq(node)) {
    scope.sink.add(span[0], Math.max(span[1], span[0] + 1), 'error', 'invalid-relation', `'relations' must be a list of entries such as { to: Vladimir Putin, type: meets }`);
    return [];
  }
  const relations: Relation[] = [];
  for (const item of node.items) {
    const relation = readRelation(item, nodeSpan(item as never, scope, span[0]), scope);
    if (relation) relations.push(relation);
  }
  return relations;
}

function readRelation(item: unknown, [start, end]: [number, number], scope: YamlScope): Relation | undefined {
  if (!isMap(item)) {
    scope.sink.add(start, Math.max(end, start + 1), 'error', 'invalid-relation', `A relation must be a mapping such as { to: Vladimir Putin, type: meets }`);
    return undefined;
  }
  let to: string | undefined;
  let toSpan: [number, number] | undefined;
  let type: string | undefined;
  let source: string | undefined;
  let sourceSpan: [number, number] | undefined;
  const dates: { since?: DatePoint; until?: DatePoint } = {};
  let untilSpan: [number, number] = [start, end];
  for (const pair of item.items) {
    const key = scalarText(pair.key);
    const keySpan = nodeSpan(pair.key as never, scope, start);
    const valueSpan = nodeSpan(pair.value as never, scope, keySpan[1]);
    // An empty value (`to:` being typed) is as if the key were not there.
    const written = scalarText(pair.value);
    const text = written === null ? '' : written?.trim();
    switch (key) {
      case 'to':
      case 'type':
      case 'source':
        if (text === undefined) scope.sink.add(valueSpan[0], valueSpan[1], 'error', 'invalid-relation', `'${key}' must be text`);
        else if (text === '') break;
        else if (key === 'to') [to, toSpan] = [text, valueSpan];
        else if (key === 'type') type = text;
        else [source, sourceSpan] = [text, valueSpan];
        break;
      case 'since':
      case 'until': {
        if (text === '') break;
        const point = text === undefined ? undefined : datePointAt(text, 0);
        if (!point || pointLength(point) !== text?.length) {
          scope.sink.add(valueSpan[0], valueSpan[1], 'error', 'invalid-date', `'${key}' must be a date: YYYY, YYYY-MM or YYYY-MM-DD, with '~' before it when approximate`);
        } else if (!point.valid) {
          scope.sink.add(valueSpan[0], valueSpan[1], 'error', 'invalid-date', `Impossible date ${point.text}: no such day or month`);
        } else {
          dates[key] = point;
          if (key === 'until') untilSpan = valueSpan;
        }
        break;
      }
      default: {
        const written = String(key ?? '');
        const suggestion = closestWord(written, RELATION_KEYS);
        scope.sink.add(
          keySpan[0],
          keySpan[1],
          'information',
          'unknown-key',
          `Unknown key '${written}' in a relation${suggestion ? `; did you mean '${suggestion}'?` : `; known keys: ${RELATION_KEYS.join(', ')}`}`,
        );
      }
    }
  }
  const { since, until } = dates;
  if (since && until && dayNumber(until, false) < dayNumber(since, true)) {
    scope.sink.add(untilSpan[0], untilSpan[1], 'error', 'reversed-range', `This relation ends (${until.text}) before it starts (${since.text})`);
  }
  if (to === undefined || toSpan === undefined || type === undefined) {
    const missing = [to === undefined && "'to' (the entity it points to)", type === undefined && "'type' (free text such as 'ally of')"].filter(Boolean).join(' and ');
    scope.sink.add(start, Math.max(end, start + 1), 'error', 'invalid-relation', `This relation has no ${missing}`);
    return undefined;
  }
  const range = (span: [number, number]) => scope.lines.range(span[0], span[1]);
  return { to, target: undefined, type, since, until, source, toRange: range(toSpan), sourceRange: sourceSpan && range(sourceSpan), range: range([start, end]) };
}

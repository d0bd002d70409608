import type { OffsetFix } from '../model/diagnosticSink';
import { mappingAsListFix } from './entryMapping';
import { ENTITY_TYPES, type Coordinates, type EntityDefinition, type EntityDraft, type EntityKind, type EntityType, type Relation } from '../model/types';
import { closestWord } from '../text/closestWord';
import type { Steps } from '../text/steps';
import { readCoordinates } from './coordinates';
import { readRelations } from './relations';
import type { ScopedNode, TopLevelPair } from './yamlMapping';
import { isMap, isScalar, isSeq, nodeSpan, scalarText, scalarValue, yamlScalar, type YamlScope } from './yamlSource';

export const ENTRY_KEYS = ['name', 'aliases', 'type', 'role', 'affiliation', 'country', 'coordinates', 'summary', 'links', 'relations'] as const;
type TextKey = 'role' | 'affiliation' | 'country' | 'summary';

const HTTP_URL = /^https?:\/\/[^\s<>"]+$/i;

/**
 * Reads an `actors:` or `places:` list, a step each entry (`finish` reads it at once). Problems
 * become diagnostics; unusable entries are skipped.
 */
export function* entityListSteps(list: TopLevelPair, keySpan: [number, number], kind: EntityKind): Steps<EntityDraft[]> {
  if (list.items) return yield* entrySteps(list.items, kind, keySpan[0]);
  const { node: listNode, scope } = list.value;
  const listKey = kind === 'actor' ? 'actors' : 'places';
  if (scalarValue(listNode) === null) return [];
  if (!isSeq(listNode)) {
    const [start, end] = isScalar(listNode) || isMap(listNode) ? nodeSpan(listNode, scope, keySpan[0]) : keySpan;
    // `places: Vladivostok, Moscow`: names written as text, which the fix makes a list of.
    const written = scalarValue(listNode);
    const names = typeof written === 'string' ? commaParts(written) : [];
    // `actors:` written as a mapping from names to fields: the fix writes the entries it means.
    if (names.length === 0) scope.sink.add(start, end, 'error', 'invalid-list', `'${listKey}' must be a list of entries, each with a 'name'`, mappingAsListFix(listNode, scope));
    else {
      const { list, fix } = listFix(names, start, end);
      scope.sink.add(start, end, 'error', 'invalid-list', `'${listKey}' must be a list: write ${list}`, fix);
    }
    return [];
  }
  return yield* entrySteps(
    listNode.items.map((node) => ({ node, scope })),
    kind,
    keySpan[0],
  );
}

function* entrySteps(items: readonly ScopedNode[], kind: EntityKind, fallback: number): Steps<EntityDraft[]> {
  const drafts: EntityDraft[] = [];
  for (const item of items) {
    const draft = readEntry(item.node, kind, item.scope, fallback);
    if (draft) drafts.push(draft);
    yield;
  }
  return drafts;
}

function readEntry(item: unknown, kind: EntityKind, scope: YamlScope, fallback: number): EntityDraft | undefined {
  const [entryStart, entryEnd] = nodeSpan(item as never, scope, fallback);
  const definitionOf = (nameSpan: [number, number]): EntityDefinition => ({
    source: scope.source,
    nameRange: scope.lines.range(nameSpan[0], nameSpan[1]),
    entryRange: scope.lines.range(entryStart, entryEnd),
  });

  // Shorthand: a plain name instead of a mapping.
  const shorthand = scalarValue(item);
  if (typeof shorthand === 'string' && shorthand.trim() !== '') {
    return emptyDraft(shorthand.trim(), kind, [entryStart, entryEnd], definitionOf([entryStart, entryEnd]));
  }
  if (!isMap(item)) {
    scope.sink.add(entryStart, Math.max(entryEnd, entryStart + 1), 'error', 'missing-name', `Each ${kind} entry must be a mapping with a 'name'`);
    return undefined;
  }

  let name: string | undefined;
  let nameSpan: [number, number] = [entryStart, entryStart];
  let type: EntityType | undefined;
  const aliases: string[] = [];
  const aliasSpans: [number, number][] = [];
  const links: string[] = [];
  let relations: Relation[] = [];
  let coordinates: Coordinates | undefined;
  let countrySpan: [number, number] | undefined;
  const text: Record<TextKey, string | undefined> = { role: undefined, affiliation: undefined, country: undefined, summary: undefined };

  for (const pair of item.items) {
    const key = scalarText(pair.key);
    const keySpan = nodeSpan(pair.key as never, scope, entryStart);
    const valueSpan = nodeSpan(pair.value as never, scope, keySpan[1]);
    switch (key) {
      case 'name': {
        const value = scalarValue(pair.value);
        nameSpan = valueSpan[1] > valueSpan[0] ? valueSpan : keySpan;
        if (typeof value === 'string' && value.trim() !== '') name = value.trim();
        else if (typeof value === 'number' || typeof value === 'boolean') name = scalarText(pair.value) ?? undefined;
        else scope.sink.add(nameSpan[0], nameSpan[1], 'error', 'missing-name', `'name' must be a non-empty string`);
        break;
      }
      case 'aliases':
        readAliases(pair.value, valueSpan, scope, aliases, aliasSpans);
        break;
      case 'type': {
        const value = scalarText(pair.value);
        if (value === null) break;
        if (value !== undefined && (ENTITY_TYPES as readonly string[]).includes(value)) {
          type = value as EntityType;
          break;
        }
        // As for keys, only a change of case is certain enough to offer as a quick fix.
        const known = value?.trim().toLowerCase() ?? '';
        const fix = value !== undefined && (ENTITY_TYPES as readonly string[]).includes(known) ? caseFix(value, known, valueSpan) : undefined;
        scope.sink.add(valueSpan[0], valueSpan[1], 'warning', 'unknown-type', `Unknown type '${value ?? ''}': expected ${ENTITY_TYPES.join(', ')}`, fix);
        break;
      }
      case 'links':
        readLinks(pair.value, valueSpan, scope, links);
        break;
      case 'relations':
        relations = readRelations(pair.value, valueSpan, scope);
        break;
      case 'coordinates':
        coordinates = readCoordinates(pair.value, valueSpan, scope);
        break;
      case 'role':
      case 'affiliation':
      case 'country':
      case 'summary': {
        const value = scalarText(pair.value);
        if (value === undefined) scope.sink.add(valueSpan[0], valueSpan[1], 'warning', 'invalid-field', `'${key}' must be text`);
        else if (value !== null && value.trim() !== '') {
          text[key] = value.trim();
          if (key === 'country') countrySpan = valueSpan;
        }
        break;
      }
      default: {
        const written = String(key ?? '');
        const suggestion = closestWord(written, ENTRY_KEYS);
        const hint = suggestion ? `; did you mean '${suggestion}'?` : `; known keys: ${ENTRY_KEYS.join(', ')}`;
        // Only a change of case is certain enough to offer as a quick fix.
        const fix =
          suggestion && suggestion.toLowerCase() === written.toLowerCase() && scope.sink.text.slice(keySpan[0], keySpan[1]) === written
            ? caseFix(written, suggestion, keySpan)
            : undefined;
        scope.sink.add(keySpan[0], keySpan[1], 'information', 'unknown-key', `Unknown key '${written}' in ${kind} entry${hint}`, fix);
      }
    }
  }

  if (name === undefined) {
    if (nameSpan[0] === entryStart && nameSpan[1] === entryStart) {
      scope.sink.add(entryStart, Math.max(entryEnd, entryStart + 1), 'error', 'missing-name', `This ${kind} entry has no 'name'`);
    }
    return undefined;
  }
  return { id: entityId(kind, name), name, kind, type, aliases, aliasSpans, ...text, coordinates, links, relations, nameSpan, countrySpan, definition: definitionOf(nameSpan) };
}

export function entityId(kind: EntityKind, name: string): string {
  return `${kind}:${name}`;
}

function emptyDraft(name: string, kind: EntityKind, nameSpan: [number, number], definition: EntityDefinition): EntityDraft {
  return {
    id: entityId(kind, name),
    name,
    kind,
    type: undefined,
    aliases: [],
    aliasSpans: [],
    role: undefined,
    affiliation: undefined,
    country: undefined,
    summary: undefined,
    coordinates: undefined,
    links: [],
    relations: [],
    nameSpan,
    definition,
  };
}

function readAliases(node: unknown, span: [number, number], scope: YamlScope, aliases: string[], spans: [number, number][]): void {
  const single = scalarValue(node);
  if (single === null) return;
  if (typeof single === 'string') {
    // One alias written without a list: accepted, as an analyst would mean it.
    const alias = single.trim();
    if (alias !== '') {
      aliases.push(alias);
      spans.push(span);
      warnCommaSeparated(alias, span, scope);
    }
    return;
  }
  if (!isSeq(node)) {
    scope.sink.add(span[0], span[1], 'warning', 'invalid-alias', `'aliases' must be a list of strings`);
    return;
  }
  for (const item of node.items) {
    const itemSpan = nodeSpan(item as never, scope, span[0]);
    const value = scalarValue(item);
    if (typeof value === 'string' && value.trim() !== '') {
      aliases.push(value.trim());
      spans.push(itemSpan);
    } else {
      const shown = scalarText(item);
      const message =
        typeof value === 'number' || typeof value === 'boolean'
          ? `Alias ${shown} is not a string and is ignored: quote it ('${shown}') to use it`
          : value === undefined
            ? 'An alias must be a string; this one is ignored'
            : 'An empty alias is ignored';
      scope.sink.add(itemSpan[0], Math.max(itemSpan[1], itemSpan[0] + 1), 'warning', 'invalid-alias', message);
    }
  }
}

/**
 * `aliases: Kim, KJU` is one alias to YAML, commas included, and then matches nothing: most
 * likely a list was meant. Still read as written; the fix makes it the list.
 */
function warnCommaSeparated(alias: string, span: [number, number], scope: YamlScope): void {
  const parts = commaParts(alias);
  if (parts.length < 2) return;
  const { list, fix } = listFix(parts, span[0], span[1]);
  scope.sink.add(
    span[0],
    span[1],
    'warning',
    'aliases-in-one-text',
    `'${alias}' is one alias, commas included. For ${parts.length} aliases, write a list: ${list} (or [${JSON.stringify(alias)}] for one alias with commas)`,
    fix,
  );
}

/** The parts of a text written as a comma-separated list, trimmed, without empty ones. */
function commaParts(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The fix that writes `parts` over `[start, end)` as a YAML flow list (each quoted where YAML would misread it), and that list. */
function listFix(parts: readonly string[], start: number, end: number): { list: string; fix: OffsetFix } {
  const list = `[${parts.map(yamlScalar).join(', ')}]`;
  return { list, fix: { title: `Make it a list: ${list}`, edits: [{ start, end, newText: list }] } };
}

/** The fix of a key or a type written in another case: the known spelling over `span`. */
function caseFix(written: string, known: string, span: readonly [number, number]): OffsetFix {
  return { title: `Change '${written}' to '${known}'`, edits: [{ start: span[0], end: span[1], newText: known }] };
}

function readLinks(node: unknown, span: [number, number], scope: YamlScope, links: string[]): void {
  if (scalarValue(node) === null) return;
  const items = isSeq(node) ? node.items : [node];
  for (const item of items) {
    const itemSpan = nodeSpan(item as never, scope, span[0]);
    const value = scalarText(item);
    if (typeof value === 'string' && HTTP_URL.test(value.trim())) {
      links.push(value.trim());
      continue;
    }
    // `links: https://a.org, https://b.org` is one text to YAML: the links a list was meant to hold.
    const parts = item === node && typeof value === 'string' ? commaParts(value) : [];
    if (parts.length > 1 && parts.every((part) => HTTP_URL.test(part))) {
      const { list, fix } = listFix(parts, itemSpan[0], itemSpan[1]);
      scope.sink.add(itemSpan[0], itemSpan[1], 'warning', 'invalid-link', `These ${parts.length} links are one text, which is ignored: write a list: ${list}`, fix);
    } else scope.sink.add(itemSpan[0], Math.max(itemSpan[1], itemSpan[0] + 1), 'warning', 'invalid-link', `Links must be http or https URLs; this one is ignored`);
  }
}

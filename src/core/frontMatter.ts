import type { DiagnosticSink } from './diagnostics';
import { isCalendarDate } from './dates';
import { readEntityList, type EntityDraft } from './entities';
import type { LineIndex } from './lineIndex';
import type { Diagnostic, FrontMatter, ListLocation } from './types';
import { isMap, isSeq, nodeSpan, parseYaml, plainData, scalarText, scalarValue, type YamlScope } from './yamlSource';

export interface FrontMatterResult {
  readonly frontMatter: FrontMatter | undefined;
  readonly entities: EntityDraft[];
  /** Offset of the body's first character. */
  readonly bodyStart: number;
  readonly bodyStartLine: number;
}

const OPENING = /^\uFEFF?---[ \t]*$/;
/** One shared result (and entity list) for every briefing without front matter, so caches keyed by it hit. */
const NO_FRONT_MATTER: FrontMatterResult = Object.freeze({ frontMatter: undefined, entities: Object.freeze([]) as unknown as EntityDraft[], bodyStart: 0, bodyStartLine: 0 });
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

interface CachedFrontMatter {
  readonly result: FrontMatterResult;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The last front matters read, by their exact text (delimiters included). The front matter
 * starts the document, so its ranges do not depend on the body: an edit in the body reuses
 * the YAML work, which is most of the cost of a long list of actors.
 */
const cache = new Map<string, CachedFrontMatter>();
const CACHE_SIZE = 16;

export function clearFrontMatterCache(): void {
  cache.clear();
}

/** Finds the front matter (first line `---`, up to the next `---` or `...` line) and reads it. */
export function readFrontMatter(text: string, lines: LineIndex, sink: DiagnosticSink): FrontMatterResult {
  if (!OPENING.test(lines.lineText(0))) return NO_FRONT_MATTER;
  let closingLine = -1;
  for (let line = 1; line < lines.lineCount; line++) {
    if (CLOSING.test(lines.lineText(line))) {
      closingLine = line;
      break;
    }
  }
  if (closingLine < 0) {
    sink.add(lines.lineStart(0), lines.lineEnd(0), 'error', 'front-matter-unclosed',
      `Front matter is not closed: add a line '---' after it. Until then the whole file is read as the body`);
    return NO_FRONT_MATTER;
  }
  const key = text.slice(0, lines.lineEnd(closingLine));
  const cached = cache.get(key);
  if (cached) {
    sink.items.push(...cached.diagnostics);
    return cached.result;
  }
  const before = sink.items.length;
  const result = readClosedFrontMatter(text, lines, sink, closingLine);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, { result, diagnostics: sink.items.slice(before) });
  return result;
}

/** Reads a front matter whose closing delimiter is on `closingLine`. */
function readClosedFrontMatter(text: string, lines: LineIndex, sink: DiagnosticSink, closingLine: number): FrontMatterResult {
  const contentStart = lines.lineStart(1);
  const contentEnd = lines.lineStart(closingLine);
  const scope: YamlScope = { sink, lines, base: contentStart, source: undefined };
  const document = parseYaml(text.slice(contentStart, contentEnd), scope);

  let title: string | undefined;
  let date: string | undefined;
  let classification: string | undefined;
  let author: string | undefined;
  const tags: string[] = [];
  const extra: Record<string, unknown> = {};
  const entities: EntityDraft[] = [];
  const lists: { actors?: ListLocation; places?: ListLocation } = {};
  const contents = document.contents;

  if (isMap(contents)) {
    const seen = new Set<string>();
    for (const pair of contents.items) {
      const key = String(scalarText(pair.key) ?? '');
      if (seen.has(key)) continue; // the YAML parser already reported the duplicate key
      seen.add(key);
      const keySpan = nodeSpan(pair.key as never, scope, contentStart);
      const valueSpan = nodeSpan(pair.value as never, scope, keySpan[1]);
      const textValue = () => {
        const value = scalarText(pair.value);
        if (value === undefined) sink.add(valueSpan[0], valueSpan[1], 'warning', 'invalid-field', `'${key}' must be text`);
        return value === null || value === undefined ? undefined : value.trim();
      };
      switch (key) {
        case 'title': title = textValue(); break;
        case 'classification': classification = textValue(); break;
        case 'author': author = textValue(); break;
        case 'date':
          date = textValue();
          if (date !== undefined && !isCalendarDate(date)) {
            sink.add(valueSpan[0], valueSpan[1], 'warning', 'invalid-date', `'date' should be a calendar date written YYYY-MM-DD, not '${date}'`);
          }
          break;
        case 'tags':
          readTags(pair.value, valueSpan, sink, tags);
          break;
        case 'actors':
        case 'places':
          entities.push(...readEntityList(pair.value, keySpan, key === 'actors' ? 'actor' : 'place', scope));
          lists[key] = listLocation(text, lines, keySpan, pair.value, scope);
          break;
        default:
          extra[key] = plainData(pair.value);
      }
    }
  } else if (contents !== null && document.errors.length === 0) {
    const [start, end] = nodeSpan(contents as never, scope, contentStart);
    sink.add(start, end, 'error', 'front-matter-not-mapping', 'Front matter must be a YAML mapping of keys (title:, actors:, places: …)');
  }

  const bodyStartLine = closingLine + 1;
  const bodyStart = bodyStartLine < lines.lineCount ? lines.lineStart(bodyStartLine) : text.length;
  return {
    frontMatter: {
      range: lines.range(0, lines.lineEnd(closingLine)),
      contentRange: lines.range(contentStart, contentEnd),
      title, date, classification, author, tags, extra, lists,
    },
    entities,
    bodyStart,
    bodyStartLine,
  };
}

function readTags(node: unknown, span: [number, number], sink: DiagnosticSink, tags: string[]): void {
  const single = scalarText(node);
  if (single === null) return;
  const items: unknown[] = isSeq(node) ? node.items : [node];
  for (const item of items) {
    const value = scalarValue(item);
    if (value !== null && value !== undefined) tags.push(String(scalarText(item)).trim());
    else sink.add(span[0], span[1], 'warning', 'invalid-list', `'tags' must be a list of words`);
  }
}

/** Where a new entry of an `actors:` or `places:` list goes. */
function listLocation(text: string, lines: LineIndex, keySpan: [number, number], value: unknown, scope: YamlScope): ListLocation {
  const keyLine = lines.lineAt(keySpan[0]);
  const nextLineStart = (offset: number) => {
    const line = lines.lineAt(offset);
    return line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  };
  const base = { keyStart: keySpan[0], keyEnd: keySpan[1] };
  if (isSeq(value) && value.flow) {
    const [, end] = nodeSpan(value as never, scope, keySpan[1]);
    return { ...base, flowEnd: text.lastIndexOf(']', end), insertOffset: nextLineStart(end), itemIndent: '  ' };
  }
  if (isSeq(value) && value.items.length > 0) {
    const [firstStart] = nodeSpan(value.items[0] as never, scope, keySpan[1]);
    const firstLine = lines.lineAt(firstStart);
    const itemIndent = /^[ \t]*/.exec(lines.lineText(firstLine))![0];
    const [, end] = nodeSpan(value as never, scope, keySpan[1]);
    return { ...base, flowEnd: undefined, insertOffset: nextLineStart(Math.max(end - 1, firstStart)), itemIndent };
  }
  return { ...base, flowEnd: undefined, insertOffset: nextLineStart(lines.lineStart(keyLine)), itemIndent: '  ' };
}

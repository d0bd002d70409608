import type { DiagnosticSink } from '../model/diagnosticSink';
import { calendarDateOf } from '../dates/dateHints';
import { isCalendarDate } from '../dates/dates';
import { entityListSteps } from './entities';
import { finish } from '../text/steps';
import { readTlp } from './tlp';
import type { TlpLevel } from '../model/types';
import type { EntityDraft } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { Diagnostic, FrontMatter, ListLocation } from '../model/types';
import type { Document } from 'yaml';
import { readYamlMapping, scopedSpan, type ParsedPieces, type PieceReuse, type TopLevelPair } from './yamlMapping';
import { isSeq, plainData, scalarText, scalarValue, type YamlScope } from './yamlSource';

export interface FrontMatterResult {
  readonly frontMatter: FrontMatter | undefined;
  readonly entities: EntityDraft[];
  /** Offset of the body's first character. */
  readonly bodyStart: number;
  readonly bodyStartLine: number;
  /** The offsets of the `classification:` value, when the key is written (even with no text). */
  readonly classificationSpan?: readonly [number, number];
}

const OPENING = /^\uFEFF?---[ \t]*$/;
/** One shared result (and entity list) for every briefing without front matter, so caches keyed by it hit. */
const NO_FRONT_MATTER: FrontMatterResult = Object.freeze({ frontMatter: undefined, entities: Object.freeze([]) as unknown as EntityDraft[], bodyStart: 0, bodyStartLine: 0 });
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

interface CachedFrontMatter {
  readonly result: FrontMatterResult;
  readonly diagnostics: readonly Diagnostic[];
  /** The `[start, end)` pairs, flat, where its YAML is broken (see DiagnosticSink.quiet). */
  readonly quiet: readonly number[];
  /** Its parsed pieces, when they were asked to be kept (and are among the newest kept). */
  pieces: ParsedPieces | undefined;
}

export interface FrontMatterOptions {
  /** The parsed pieces of the front matter of the document's previous version. */
  readonly previousPieces?: ReadonlyMap<string, Document.Parsed>;
  /** Keep the parsed pieces, for the next version (a document being edited). */
  readonly keepPieces?: boolean;
  /** Read the YAML whole, never in pieces (for tests that compare the two ways). */
  readonly whole?: boolean;
}

export interface FrontMatterRead {
  /** The same object for the same front matter text, as long as it is cached. */
  readonly front: FrontMatterResult;
  /** With `keepPieces`: the parsed pieces, for the next version. */
  readonly pieces: ReadonlyMap<string, Document.Parsed> | undefined;
}

/**
 * The last front matters read, by their exact text (delimiters included). The front matter
 * starts the document, so its ranges do not depend on the body: an edit in the body reuses
 * the YAML work, which is most of the cost of a long list of actors.
 */
const cache = new Map<string, CachedFrontMatter>();
const CACHE_SIZE = 16;
/**
 * How many cached front matters keep their parsed pieces, for a document parsed again without its
 * previous model (after the registries changed, say). The documents open in editors keep theirs
 * with their models; these few bound what closed ones leave behind (their size on L is in docs/performance.md).
 */
const CACHED_PIECES = 4;

export function clearFrontMatterCache(): void {
  cache.clear();
}

/** Finds the front matter (first line `---`, up to the next `---` or `...` line) and reads it. */
export function readFrontMatter(text: string, lines: LineIndex, sink: DiagnosticSink, options: FrontMatterOptions = {}): FrontMatterRead {
  if (!OPENING.test(lines.lineText(0))) return { front: NO_FRONT_MATTER, pieces: undefined };
  let closingLine = -1;
  for (let line = 1; line < lines.lineCount; line++) {
    if (CLOSING.test(lines.lineText(line))) {
      closingLine = line;
      break;
    }
  }
  if (closingLine < 0) {
    sink.add(
      lines.lineStart(0),
      lines.lineEnd(0),
      'error',
      'front-matter-unclosed',
      `Front matter is not closed: add a line '---' after it. Until then the whole file is read as the body`,
    );
    return { front: NO_FRONT_MATTER, pieces: undefined };
  }
  const key = text.slice(0, lines.lineEnd(closingLine));
  const cached = cache.get(key);
  if (cached) {
    sink.items.push(...cached.diagnostics);
    // The stretches where YAML is broken stay quiet for the checks made after this read (relations').
    for (let k = 0; k < cached.quiet.length; k += 2) sink.quiet(cached.quiet[k], cached.quiet[k + 1]);
    // Read earlier without keeping its pieces: the previous version's still serve the next one.
    return { front: cached.result, pieces: cached.pieces ?? (options.keepPieces ? options.previousPieces : undefined) };
  }
  const before = sink.items.length;
  const quietBefore = sink.quietCount;
  const pieces: ParsedPieces | undefined = options.keepPieces ? new Map() : undefined;
  const result = readClosedFrontMatter(text, lines, sink, closingLine, { previous: options.previousPieces, keep: pieces, whole: options.whole });
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, { result, diagnostics: sink.items.slice(before), quiet: sink.quietRanges(quietBefore), pieces });
  if (pieces) forgetOlderPieces();
  return { front: result, pieces };
}

function forgetOlderPieces(): void {
  let kept = 0;
  for (const entry of [...cache.values()].reverse()) {
    if (entry.pieces && ++kept > CACHED_PIECES) entry.pieces = undefined;
  }
}

/** Reads a front matter whose closing delimiter is on `closingLine`. */
function readClosedFrontMatter(text: string, lines: LineIndex, sink: DiagnosticSink, closingLine: number, reuse: PieceReuse): FrontMatterResult {
  const contentStart = lines.lineStart(1);
  const contentEnd = lines.lineStart(closingLine);
  const scope: YamlScope = { sink, lines, base: contentStart, source: undefined };
  const mapping = readYamlMapping(text.slice(contentStart, contentEnd), scope, reuse);

  let title: string | undefined;
  let date: string | undefined;
  let classification: string | undefined;
  let classificationSpan: [number, number] | undefined;
  let tlp: TlpLevel | undefined;
  let author: string | undefined;
  const tags: string[] = [];
  const extra: Record<string, unknown> = {};
  const entities: EntityDraft[] = [];
  const lists: { actors?: ListLocation; places?: ListLocation } = {};

  if (mapping.pairs) {
    const seen = new Set<string>();
    for (const pair of mapping.pairs) {
      const key = String(scalarText(pair.key.node) ?? '');
      if (seen.has(key)) continue; // the YAML parser already reported the duplicate key
      seen.add(key);
      const keySpan = scopedSpan(pair.key, contentStart);
      const valueSpan = scopedSpan(pair.value, keySpan[1]);
      const value = pair.value.node;
      const textValue = () => {
        const written = scalarText(value);
        if (written === undefined) sink.add(valueSpan[0], valueSpan[1], 'warning', 'invalid-field', `'${key}' must be text`);
        return written === null || written === undefined ? undefined : written.trim();
      };
      switch (key) {
        case 'title':
          title = textValue();
          break;
        case 'classification':
          classification = textValue();
          classificationSpan = valueSpan;
          break;
        case 'tlp': {
          const written = textValue();
          if (written !== undefined) tlp = readTlp(written, valueSpan, sink);
          break;
        }
        case 'author':
          author = textValue();
          break;
        case 'date':
          date = textValue();
          if (date !== undefined && !isCalendarDate(date)) {
            const rewrite = calendarDateOf(date);
            sink.add(
              valueSpan[0],
              valueSpan[1],
              'warning',
              'invalid-date',
              `'date' should be a calendar date written YYYY-MM-DD, not '${date}'${rewrite ? `: write ${rewrite}` : ''}`,
              rewrite ? { title: `Write the date as ${rewrite}`, edits: [{ start: valueSpan[0], end: valueSpan[1], newText: rewrite }] } : undefined,
            );
          }
          break;
        case 'tags':
          readTags(value, valueSpan, sink, tags);
          break;
        case 'actors':
        case 'places':
          entities.push(...finish(entityListSteps(pair, keySpan, key === 'actors' ? 'actor' : 'place')));
          lists[key] = listLocation(text, lines, keySpan, pair);
          break;
        default:
          extra[key] = plainData(value);
      }
    }
  } else if (mapping.contents.node !== null && !mapping.hasErrors) {
    const [start, end] = scopedSpan(mapping.contents, contentStart);
    sink.add(start, end, 'error', 'front-matter-not-mapping', 'Front matter must be a YAML mapping of keys (title:, actors:, places: …)');
  }

  const bodyStartLine = closingLine + 1;
  const bodyStart = bodyStartLine < lines.lineCount ? lines.lineStart(bodyStartLine) : text.length;
  return {
    frontMatter: {
      range: lines.range(0, lines.lineEnd(closingLine)),
      contentRange: lines.range(contentStart, contentEnd),
      title,
      date,
      classification,
      tlp,
      author,
      tags,
      extra,
      lists,
    },
    entities,
    bodyStart,
    bodyStartLine,
    classificationSpan,
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
function listLocation(text: string, lines: LineIndex, keySpan: [number, number], pair: TopLevelPair): ListLocation {
  const keyLine = lines.lineAt(keySpan[0]);
  const nextLineStart = (offset: number) => {
    const line = lines.lineAt(offset);
    return line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  };
  const base = { keyStart: keySpan[0], keyEnd: keySpan[1] };
  const value = pair.value.node;
  if (isSeq(value) && value.flow) {
    const [, end] = scopedSpan(pair.value, keySpan[1]);
    return { ...base, flowEnd: text.lastIndexOf(']', end), insertOffset: nextLineStart(end), itemIndent: '  ' };
  }
  const blockList =
    pair.items && pair.listSpan
      ? { firstStart: scopedSpan(pair.items[0], keySpan[1])[0], end: pair.listSpan[1] }
      : isSeq(value) && value.items.length > 0
        ? { firstStart: scopedSpan({ node: value.items[0], scope: pair.value.scope }, keySpan[1])[0], end: scopedSpan(pair.value, keySpan[1])[1] }
        : undefined;
  if (blockList) {
    const itemIndent = /^[ \t]*/.exec(lines.lineText(lines.lineAt(blockList.firstStart)))![0];
    return { ...base, flowEnd: undefined, insertOffset: nextLineStart(Math.max(blockList.end - 1, blockList.firstStart)), itemIndent };
  }
  return { ...base, flowEnd: undefined, insertOffset: nextLineStart(lines.lineStart(keyLine)), itemIndent: '  ' };
}

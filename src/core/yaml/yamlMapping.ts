import { parseDocument, type Document } from 'yaml';
import { cutTopLevel, type Piece, type TopLevelPieces } from './yamlPieces';
import { commentsInValues } from './yamlMistakes';
import type { Steps } from '../text/steps';
import { isMap, isSeq, nodeSpan, parseYaml, reportMistake, scalarText, scalarValue, YAML_OPTIONS, type YamlScope } from './yamlSource';

/** A YAML node and the scope its ranges count from. */
export interface ScopedNode {
  readonly node: unknown;
  readonly scope: YamlScope;
}

/** The document offsets of a scoped node's value; `[fallback, fallback]` for a node without a range. */
export function scopedSpan({ node, scope }: ScopedNode, fallback: number): [number, number] {
  return nodeSpan(node as never, scope, fallback);
}

/** A top-level key and its value. */
export interface TopLevelPair {
  readonly key: ScopedNode;
  /** The value; null (empty) when the value is a block list read item by item. */
  readonly value: ScopedNode;
  /** The items of a block list read one by one (see `items` of TopLevelPieces). */
  readonly items: readonly ScopedNode[] | undefined;
  /** With `items`: the list's document offsets, from its first `-` to the end of its last item. */
  readonly listSpan: readonly [number, number] | undefined;
}

/** Parsed pieces by their text: what the read of the next version of the same text can reuse. */
export type ParsedPieces = Map<string, Document.Parsed>;

export interface YamlMapping {
  /** The top-level pairs in order; undefined when the text is not a mapping. */
  readonly pairs: readonly TopLevelPair[] | undefined;
  /** When the text is not a mapping: what it is instead (null when empty), and whether YAML errors explain it. */
  readonly contents: ScopedNode;
  readonly hasErrors: boolean;
  /** Whether the text was read in pieces (rather than whole). */
  readonly inPieces: boolean;
}

export interface PieceReuse {
  /** Pieces parsed for an earlier version of the text. */
  readonly previous?: ReadonlyMap<string, Document.Parsed>;
  /** Where to keep the pieces parsed now, for the next version. */
  readonly keep?: ParsedPieces;
  /** Read the text whole, never in pieces (for tests that compare the two ways). */
  readonly whole?: boolean;
}

/**
 * Reads a YAML mapping with the `yaml` package, in pieces where it can (see yamlPieces.ts): each
 * top-level key apart, and each item of a block `actors:` or `places:` list apart. The result is
 * what reading the whole text gives, in about the same time the first time; but a piece whose text
 * an edit did not touch is then taken from `reuse.previous` rather than read again, so that typing
 * in a front matter of a thousand actors reads one entry, not a thousand.
 *
 * The pieces are used only when every one reads without error or warning as what it should be
 * (a mapping of one key, or a list of one item that is not empty) and no key repeats. Otherwise
 * the whole text is read at once, so that YAML's problems are reported as the whole text has them
 * (a front matter with a YAML error costs the pieces read until the bad one, then a whole read).
 */
export function readYamlMapping(yamlText: string, scope: YamlScope, reuse: PieceReuse = {}): YamlMapping {
  for (const mistake of commentsInValues(yamlText)) reportMistake(mistake, scope);
  const cut = reuse.whole ? undefined : cutTopLevel(yamlText);
  const pairs = cut && readPieces(cut, scope, reuse);
  if (pairs) return { pairs, contents: { node: undefined, scope }, hasErrors: false, inPieces: true };

  const document = parseYaml(yamlText, scope);
  const contents = document.contents;
  return {
    pairs: isMap(contents)
      ? contents.items.map((pair) => ({ key: { node: pair.key, scope }, value: { node: pair.value, scope }, items: undefined, listSpan: undefined }))
      : undefined,
    contents: { node: contents, scope },
    hasErrors: document.errors.length > 0,
    inPieces: false,
  };
}

/** The pairs read piece by piece; undefined as soon as a piece does not read cleanly. */
function readPieces(cut: readonly TopLevelPieces[], scope: YamlScope, reuse: PieceReuse): TopLevelPair[] | undefined {
  const pairs: TopLevelPair[] = [];
  const keys = new Set<string>();
  for (const { head, items } of cut) {
    const headDocument = parsePiece(head, reuse);
    const contents = headDocument.contents;
    if (!isClean(headDocument) || !isMap(contents) || contents.items.length !== 1) return undefined;
    const pair = contents.items[0];
    const key = scalarText(pair.key);
    // A repeated key is an error of the whole text; a key that is not text is read whole too. So is
    // a key that does not start its line (`&anchor` above it, with the key indented below): the
    // mapping then has that indentation, which the next piece's key at column 0 would break.
    if (typeof key !== 'string' || keys.has(key) || (pair.key as { range?: readonly number[] }).range?.[0] !== head.keyAt) return undefined;
    keys.add(key);
    const headScope = pieceScope(scope, head);
    const keyNode = { node: pair.key, scope: headScope };
    const valueNode = { node: pair.value, scope: headScope };
    if (!items) {
      pairs.push({ key: keyNode, value: valueNode, items: undefined, listSpan: undefined });
      continue;
    }
    if (scalarValue(pair.value) !== null) return undefined;
    const scopedItems: ScopedNode[] = [];
    let listStart = 0;
    let listEnd = 0;
    for (const item of items) {
      const document = parsePiece(item, reuse);
      const list = document.contents;
      // An empty item (`-` alone) is an error to report anyway; where `yaml` ends a list after one
      // depends on what precedes it, so such a list is read whole.
      if (!isClean(document) || !isSeq(list) || list.items.length !== 1 || scalarValue(list.items[0]) === null) return undefined;
      const itemScope = pieceScope(scope, item);
      scopedItems.push({ node: list.items[0], scope: itemScope });
      const [start, end] = nodeSpan(list, itemScope, itemScope.base);
      if (scopedItems.length === 1) listStart = start;
      listEnd = end;
    }
    pairs.push({ key: keyNode, value: valueNode, items: scopedItems, listSpan: [listStart, listEnd] });
  }
  return pairs;
}

/**
 * Parses the pieces `readYamlMapping` would cut `yamlText` into, one piece a step, into `into`:
 * a caller that gives the event loop a turn between steps reads a long text without blocking,
 * then reads it with `{ previous: into }`, which parses nothing again. A text that is not cut
 * into pieces takes no step (it is read whole).
 */
export function* parsePiecesStepwise(yamlText: string, into: ParsedPieces): Steps<void> {
  const cut = cutTopLevel(yamlText);
  for (const { head, items } of cut ?? []) {
    for (const piece of [head, ...(items ?? [])]) {
      parsePiece(piece, { previous: into, keep: into });
      yield;
    }
  }
}

function parsePiece(piece: Piece, reuse: PieceReuse): Document.Parsed {
  const document = reuse.previous?.get(piece.text) ?? parseDocument(piece.text, YAML_OPTIONS);
  reuse.keep?.set(piece.text, document);
  return document;
}

function isClean(document: Document.Parsed): boolean {
  return document.errors.length === 0 && document.warnings.length === 0;
}

function pieceScope(scope: YamlScope, piece: Piece): YamlScope {
  return { sink: scope.sink, lines: scope.lines, source: scope.source, base: scope.base + piece.offset };
}

import MarkdownIt from 'markdown-it';

/**
 * What markdown-it (CommonMark preset: the parser of VS Code's Markdown preview) reads in a
 * Markdown body, in the body's own offsets: which characters it renders as text, and which list
 * items it finds that start with a date. The oracle of the conformance and differential tests.
 *
 * Text is traced from the source: every character that markdown-it's `text` rule, or its
 * fall-back of one character, adds to the text being built is recorded at its offset in the
 * inline content, and each inline token's content is mapped back to its lines. Only LF line
 * breaks: markdown-it rewrites CR and CRLF, which would move offsets.
 */

export interface MarkdownItReading {
  /** Offsets of the body's characters that markdown-it renders as text. */
  readonly text: ReadonlySet<number>;
  /** The list items whose first block is a paragraph that starts with a date expression and a separator. */
  readonly events: readonly OracleEvent[];
}

export interface OracleEvent {
  /** 0-based line of the item's marker, in the body. */
  readonly line: number;
  /** The paragraph after the separator, each line trimmed, joined by single spaces. */
  readonly text: string;
}

/** The contract's date expression and separator (DESIGN.md §1, Events), at the start of a paragraph. */
const POINT = String.raw`~?\d{4}(?:-\d{2}(?:-\d{2})?)?`;
const DATED = new RegExp(String.raw`^${POINT}(?:\.\.${POINT})?(?:[ \t]*:[ \t]*|[ \t]+[-\u2013\u2014](?:[ \t]+|(?=\n)|$))`);

type Mapper = (offset: number) => number;
interface InlineState {
  pos: number;
  pending: string;
  src: string;
}
type InlineRule = (state: InlineState, silent: boolean) => boolean;
interface Token {
  type: string;
  tag: string;
  markup: string;
  map: [number, number] | null;
  content: string;
}

const md = new MarkdownIt('commonmark');
/** The mapping of the inline source being parsed, innermost last (an image's description is parsed apart). */
const mappers: Mapper[] = [];
let recorded: Set<number> | undefined;
/** The inline tokens of the document, in the order markdown-it parses them, with their mappings. */
let queue: Mapper[] = [];
/** Where the description of the image being read starts in its parent's source. */
let imageLabelStart: number | undefined;

function record(from: number, to: number): void {
  const mapper = mappers[mappers.length - 1];
  for (let at = from; at < to; at++) {
    const offset = mapper(at);
    if (offset >= 0) recorded!.add(offset);
  }
}

const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
const textRule = rules.find((rule) => rule.name === 'text')!.fn;
const imageRule = rules.find((rule) => rule.name === 'image')!.fn;
const escapeRule = rules.find((rule) => rule.name === 'escape')!.fn;
md.inline.ruler.at('text', ((state: InlineState, silent: boolean) => {
  const start = state.pos;
  const ok = textRule(state, silent);
  if (ok && !silent) record(start, state.pos);
  return ok;
}) as never);
// `\*` renders `*`, and `\f` renders `\f` (not an escape): text, in a token of its own.
md.inline.ruler.at('escape', ((state: InlineState & { tokens: Token[] }, silent: boolean) => {
  const start = state.pos;
  const ok = escapeRule(state, silent);
  const token = state.tokens[state.tokens.length - 1];
  if (ok && !silent && token?.type === 'text_special') record(token.content.startsWith('\\') ? start : start + 1, state.pos);
  return ok;
}) as never);
md.inline.ruler.at('image', ((state: InlineState, silent: boolean) => {
  if (silent) return imageRule(state, silent);
  imageLabelStart = state.pos + 2;
  try {
    return imageRule(state, silent);
  } finally {
    imageLabelStart = undefined;
  }
}) as never);
// markdown-it's own fall-back, a character of text where no rule applies, made a rule to be seen.
md.inline.ruler.push('oracle_fallback', ((state: InlineState, silent: boolean) => {
  if (!silent) {
    record(state.pos, state.pos + 1);
    state.pending += state.src[state.pos];
  }
  state.pos++;
  return true;
}) as never);

const parseInline = md.inline.parse.bind(md.inline);
md.inline.parse = ((source: string, instance: never, env: unknown, tokens: unknown[]) => {
  let mapper: Mapper;
  if (imageLabelStart !== undefined) {
    const parent = mappers[mappers.length - 1];
    const base = imageLabelStart;
    mapper = (offset) => parent(base + offset);
    imageLabelStart = undefined;
  } else {
    mapper = queue.shift()!;
  }
  mappers.push(mapper);
  try {
    parseInline(source, instance, env as never, tokens as never);
  } finally {
    mappers.pop();
  }
}) as never;

/** The body being read: its lines and where they start. */
let current: { lines: string[]; lineStarts: number[] } | undefined;

// Once the blocks are read and before their inline content is, each inline token's mapping.
md.core.ruler.before('inline', 'oracle_mappings', ((state: { tokens: Token[] }) => {
  const { lines, lineStarts } = current!;
  const tokens = state.tokens;
  queue = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'inline') return;
    const opener = tokens[i - 1];
    const atx = opener.type === 'heading_open' && opener.markup.startsWith('#');
    queue.push(atx ? atxMapper(lines, lineStarts, token, opener.markup.length) : linesMapper(lines, lineStarts, token));
  });
}) as never);

export function readWithMarkdownIt(body: string): MarkdownItReading {
  if (body.includes('\r')) throw new Error('the oracle reads LF line breaks only');
  const lines = body.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  current = { lines, lineStarts };
  recorded = new Set();
  try {
    const tokens = md.parse(body, {}) as unknown as Token[];
    return { text: recorded, events: eventsOf(tokens) };
  } finally {
    current = undefined;
    recorded = undefined;
  }
}

/** An ATX heading's content: one line, after its opening `#`s. */
function atxMapper(lines: readonly string[], lineStarts: readonly number[], token: Token, level: number): Mapper {
  const line = token.map![0];
  const source = lines[line];
  const at = source.indexOf(token.content, source.indexOf('#') + level);
  if (token.content !== '' && at < 0) throw new Error(`oracle: heading content not found on line ${line}`);
  return (offset) => lineStarts[line] + at + offset;
}

/** A paragraph's or a setext heading's content: its lines, each a suffix of its line in the body. */
function linesMapper(lines: readonly string[], lineStarts: readonly number[], token: Token): Mapper {
  const pieces = token.content.split('\n');
  const pieceStarts: number[] = [];
  const sourceStarts: number[] = [];
  const skipped: number[] = [];
  let contentOffset = 0;
  pieces.forEach((piece, j) => {
    const line = token.map![0] + j;
    const source = lines[line];
    const kept = piece.replace(/^[ \t]+/, '');
    const end = j === pieces.length - 1 ? source.replace(/[ \t]+$/, '').length : source.length;
    const at = end - kept.length;
    if (at < 0 || !source.startsWith(kept, at)) throw new Error(`oracle: line ${line} does not end with ${JSON.stringify(kept)}`);
    pieceStarts.push(contentOffset);
    sourceStarts.push(lineStarts[line] + at);
    skipped.push(piece.length - kept.length);
    contentOffset += piece.length + 1;
  });
  return (offset) => {
    let j = pieceStarts.length - 1;
    while (pieceStarts[j] > offset) j--;
    const within = offset - pieceStarts[j] - skipped[j];
    return within < 0 ? -1 : sourceStarts[j] + within;
  };
}

function eventsOf(tokens: readonly Token[]): OracleEvent[] {
  const events: OracleEvent[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'list_item_open' || tokens[i + 1]?.type !== 'paragraph_open') return;
    const content = tokens[i + 2].content;
    const dated = DATED.exec(content);
    if (!dated) return;
    const text = content
      .slice(dated[0].length)
      .split('\n')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join(' ');
    events.push({ line: token.map![0], text });
  });
  return events;
}

/** Bare URLs as the contract reads them (DESIGN.md §1: not prose), in the body's offsets. */
export function bareUrlOffsets(body: string): Set<number> {
  const offsets = new Set<number>();
  for (const match of body.matchAll(/[A-Za-z0-9+.-]+:\/\/[^ \t\r\n<>]*|(?<![\p{L}\p{N}\p{M}_])(?:www\.|mailto:)[^ \t\r\n<>]*/gu)) {
    for (let at = match.index; at < match.index + match[0].length; at++) offsets.add(at);
  }
  return offsets;
}

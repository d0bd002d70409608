import { parseBriefing } from '../../src/core';
import { bareUrlOffsets, readWithMarkdownIt } from './markdownItOracle';

/** The two names the conformance and differential tests register, as the spec's examples use them. */
export const NAMES = ['foo', 'bar'] as const;
const FRONT_MATTER = `---\nactors: [${NAMES.join(', ')}]\n---\n`;
const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** Where our reading and markdown-it's differ on a body: mentions as `offset:name`, events as `line:text`. */
export interface Disagreement {
  readonly mentions: { readonly ours: string[]; readonly theirs: string[] };
  readonly events: { readonly ours: string[]; readonly theirs: string[] };
}

/**
 * Our mentions and events in a body, against what markdown-it renders as text there: a mention
 * is expected at each occurrence of a name, bounded as our matcher bounds names, whose every
 * character markdown-it renders as text, outside bare URLs (the contract's exception).
 * Undefined when they agree.
 */
export function disagreement(body: string): Disagreement | undefined {
  const oracle = readWithMarkdownIt(body);
  const urls = bareUrlOffsets(body);
  const theirs: string[] = [];
  for (const name of NAMES) {
    for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
      const end = at + name.length;
      if ((at > 0 && WORD.test(body[at - 1])) || (end < body.length && WORD.test(body[end]))) continue;
      let prose = true;
      for (let i = at; i < end && prose; i++) prose = oracle.text.has(i) && !urls.has(i);
      if (prose) theirs.push(`${at}:${name}`);
    }
  }
  theirs.sort(byOffset);

  const model = parseBriefing(FRONT_MATTER + body);
  const base = FRONT_MATTER.length;
  const ours = model.mentions.map((mention) => `${mention.range.startOffset - base}:${mention.text}`).sort(byOffset);
  const bodyLine = 3;
  const ourEvents = model.events.map((event) => `${event.range.start.line - bodyLine}:${event.text}`);
  const theirEvents = oracle.events.map((event) => `${event.line}:${event.text}`);
  if (same(ours, theirs) && same(ourEvents, theirEvents)) return undefined;
  return { mentions: { ours, theirs }, events: { ours: ourEvents, theirs: theirEvents } };
}

function byOffset(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10);
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** One shared empty list for the many events without actors, places or tags. */
export const NO_NAMES: readonly string[] = Object.freeze([]);

const alone = new Map<string, readonly string[]>();
const ALONE_LIMIT = 10_000;

/**
 * One frozen list for each name or tag alone, shared by every event that has only it: a
 * workspace holds three lists for each of its hundred thousand events, most of one name.
 */
export function nameAlone(name: string): readonly string[] {
  let shared = alone.get(name);
  if (!shared) {
    if (alone.size >= ALONE_LIMIT) alone.clear();
    // A copy of its own: a tag sliced from a document would keep that whole text alive here.
    const copy = JSON.parse(JSON.stringify(name)) as string;
    shared = Object.freeze([copy]);
    alone.set(copy, shared);
  }
  return shared;
}

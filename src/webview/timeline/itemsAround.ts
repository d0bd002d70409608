/** An item on the time axis, in milliseconds since 1970: a point has no end. */
export interface TimedItem {
  readonly start: number;
  readonly end?: number;
}

/**
 * The items a window needs: those that overlap it, or a quarter of its width on either side.
 * vis-timeline creates, sorts and measures every item it is given, so a long chronology gives it
 * only these (a few hundred rather than thousands); the margin holds what a drag or a zoom step
 * brings into sight before the picture is told the window moved.
 */
export function itemsAround<T extends TimedItem>(all: readonly T[], window: { readonly start: number; readonly end: number }): T[] {
  const margin = (window.end - window.start) / 4;
  const from = window.start - margin;
  const to = window.end + margin;
  return all.filter((item) => item.start <= to && (item.end ?? item.start) >= from);
}

declare const WEB_EXTENSION_HOST: boolean;

/** Longer than this, a long task gives the extension host's other work a turn before its next step. */
const SLICE_MS = 5;

/**
 * Gives the event loop a turn once the current slice of work has run for `ms`. Concurrent tasks
 * (the index's files read at a time) all wait here: those woken in the same turn of the loop share
 * its slice (each looks at the clock again), or one turn would run a file for each of them.
 */
export class TimeSlice {
  #started = performance.now();
  /** Counts the slices: the first task woken in a new turn of the loop starts its slice. */
  #slices = 0;

  constructor(private readonly ms = SLICE_MS) {}

  async turn(): Promise<void> {
    while (performance.now() - this.#started >= this.ms) {
      const slice = this.#slices;
      await nextTurn();
      if (this.#slices === slice) {
        this.#slices++;
        this.#started = performance.now();
      }
    }
  }
}

/**
 * Resolves once the event loop has run its other work: `setImmediate` in Node; in the web
 * extension host a message to itself, which a browser does not delay as it does nested timers.
 */
function nextTurn(): Promise<void> {
  if (!WEB_EXTENSION_HOST) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    // The browser's ports (this file's types are Node's, whose ports are event emitters).
    const { port1, port2 } = new MessageChannel() as unknown as Record<'port1' | 'port2', { onmessage: (() => void) | null; close(): void; postMessage(message: unknown): void }>;
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}

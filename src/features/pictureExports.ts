/** How long an export waits for the page to draw the picture. */
const EXPORT_WAIT_MS = 20_000;

/**
 * The exports asked of a picture's page: each a numbered request that the page answers with its
 * drawing. A request waits for the page to load (a hidden page is discarded, and loads again when
 * shown), and gets nothing if the page does not answer in time or closes.
 */
export class PictureExports {
  #request = 0;
  readonly #waiting = new Map<number, (data: string | undefined) => void>();
  #ready: Promise<void> = Promise.resolve();
  #readied = () => {};
  #isReady = true;

  /** The page is loading: requests wait for its `ready`. */
  loading(): void {
    this.#isReady = false;
    this.#ready = new Promise((resolve) => (this.#readied = resolve));
  }

  /** The page has loaded and asked for its data. */
  ready(): void {
    this.#isReady = true;
    this.#readied();
  }

  /** Whether the page has loaded (since it was last made or shown). */
  get isReady(): boolean {
    return this.#isReady;
  }

  /** Posts a request once the page is ready; resolves with the page's answer, or undefined. */
  ask(post: (request: number) => void): Promise<string | undefined> {
    const request = ++this.#request;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.answer(request, undefined), EXPORT_WAIT_MS);
      this.#waiting.set(request, (data) => {
        clearTimeout(timer);
        this.#waiting.delete(request);
        resolve(data);
      });
      void this.#ready.then(() => post(request));
    });
  }

  /** The page's answer to a request: a drawing, or undefined when it could not draw. */
  answer(request: number, data: unknown): void {
    this.#waiting.get(request)?.(typeof data === 'string' ? data : undefined);
  }

  /** The page closed: no request will be answered. */
  cancelAll(): void {
    for (const answer of [...this.#waiting.values()]) answer(undefined);
  }
}

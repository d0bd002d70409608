/**
 * Work written as steps (a generator that yields between them), so that a caller in an editor
 * can give its event loop a turn between steps of a long task; `finish` runs them all at once.
 */
export type Steps<T> = Generator<void, T, void>;

export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

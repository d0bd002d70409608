/** Timing helpers: warm-up, then repeated runs; the median and spread are reported. */

export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /** (p75 − p25) / median: the spread of the middle half of the runs. */
  readonly spread: number;
}

export interface MeasureOptions<T> {
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  budgetMs?: number;
  collectBetweenRuns?: boolean;
  /** Made before each run, untimed, and given to it (a fresh model, say). */
  setup?: () => T;
}

export function measure<T = undefined>(run: (input: T) => unknown, options: MeasureOptions<T> = {}): Timing {
  const { warmup = 3, minRuns = 7, maxRuns = 200, budgetMs = 1500, collectBetweenRuns = false, setup = () => undefined as T } = options;
  // For work that leaves hundreds of megabytes behind: collect the previous run's garbage
  // before the next run is timed (needs node --expose-gc), so that a run pays for its own work only.
  const collect = collectBetweenRuns ? (globalThis as { gc?: () => void }).gc : undefined;
  for (let i = 0; i < warmup; i++) run(setup());
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minRuns || (samples.length < maxRuns && performance.now() - started < budgetMs)) {
    collect?.();
    const input = setup();
    const start = performance.now();
    run(input);
    samples.push(performance.now() - start);
  }
  return timingOf(samples);
}

/**
 * The time `run` takes beyond `baseline`, from runs of the two back to back: the median of the
 * differences. A difference of two medians taken apart moves by both their noises (in a row of a
 * few milliseconds between two of about a hundred, by more than the row itself).
 */
export function measureBeyond(run: () => unknown, baseline: () => unknown, options: Pick<MeasureOptions<undefined>, 'warmup' | 'minRuns' | 'maxRuns' | 'budgetMs'> = {}): Timing {
  const { warmup = 3, minRuns = 15, maxRuns = 200, budgetMs = 4000 } = options;
  for (let i = 0; i < warmup; i++) {
    run();
    baseline();
  }
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minRuns || (samples.length < maxRuns && performance.now() - started < budgetMs)) {
    const start = performance.now();
    run();
    const between = performance.now();
    baseline();
    samples.push(between - start - (performance.now() - between));
  }
  return timingOf(samples);
}

/** The timing of some runs' durations. */
export function timingOf(durations: readonly number[]): Timing {
  const samples = [...durations].sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const median = at(0.5);
  return { median, min: samples[0], max: samples[samples.length - 1], runs: samples.length, spread: median > 0 ? (at(0.75) - at(0.25)) / median : 0 };
}

export function format(ms: number): string {
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
}

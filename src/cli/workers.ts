/**
 * Reading many files on every core: worker threads of this same program each read and parse
 * files, and the main thread takes their results in the files' order, so the output is the same
 * bytes whatever the number of workers and whichever finishes first.
 */
import { availableParallelism } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Registry } from '../core';
import { FileError, UsageError } from './errors';
import { checkFile, eventsOfFile, type EventSelection } from './fileWork';
import { readRegistries } from './files';

/** Fewer files than this per worker are read in the main thread: starting a worker costs more than it saves. */
const FILES_PER_WORKER = 8;
/** Files sent to a worker at once, and answered at once: a message each way for each file woke the other thread 20,000 times over W10k. */
const FILES_PER_MESSAGE = 4;
/** Files sent to a worker before it answers (two messages): it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2 * FILES_PER_MESSAGE;
/** How far results may run ahead of the next one due, so that one slow file cannot pile up the rest in memory. */
const AHEAD_PER_WORKER = 64;

/**
 * A worker's heap: bounded, so that it collects its garbage before growing (a file's parse
 * leaves only its result), and the threads together stay within the memory CI gives a job. Its
 * young generation is small too: a file's garbage dies young, and the default (six times as
 * large) held about 35 MB more in each worker for no measurable speed.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 8 };

export type FileJob = { readonly command: 'check' } | { readonly command: 'events'; readonly selection: EventSelection };

type WorkerRole =
  | { readonly role: 'registries'; readonly files: readonly string[] }
  | {
      readonly role: 'files';
      readonly job: FileJob;
      /** Let go once the workers have their copies, and in each worker once read: megabytes for a large registry, which stayed as long as the program. */
      registries: Uint8Array | undefined;
    };

/** `--jobs N`: how many threads read files; the number of cores by default. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs takes a whole number of threads, 1 or more (got '${value}')`);
  return Number(value);
}

function runJob(job: FileJob, file: string, registries: readonly Registry[]): unknown {
  return job.command === 'check' ? checkFile(file, registries) : eventsOfFile(file, registries, job.selection);
}

/**
 * A copy of the core's data that survives the crossing between threads (a structured clone keeps
 * own fields only): a range finds its line and column when read, so it crosses as those.
 */
export function asPlainData(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(asPlainData);
  if (value instanceof Map) return new Map([...value].map(([key, entry]) => [key, asPlainData(entry)]));
  if (value instanceof Set) return new Set([...value].map(asPlainData));
  if (ArrayBuffer.isView(value)) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.startOffset === 'number' && typeof record.endOffset === 'number' && 'start' in record && 'end' in record) {
    return { start: record.start, end: record.end, startOffset: record.startOffset, endOffset: record.endOffset };
  }
  return Object.fromEntries(Object.entries(record).map(([key, entry]) => [key, asPlainData(entry)]));
}

/**
 * Runs `job` on every file, on up to `jobs` threads, and hands each result to `take` in the
 * files' order (awaiting it before the next: the output's pace holds the reading back).
 */
export async function forEachFileInOrder<R>(
  files: readonly string[],
  job: FileJob,
  registryFiles: readonly string[],
  jobs: number,
  take: (result: R, index: number) => Promise<void> | void,
): Promise<void> {
  const workers = Math.min(jobs, Math.floor(files.length / FILES_PER_WORKER));
  if (workers <= 1) {
    const registries = readRegistries(registryFiles);
    for (let index = 0; index < files.length; index++) await take(runJob(job, files[index], registries) as R, index);
    return;
  }
  // (Not held here: the role lets the bytes go once the workers have them.)
  await inWorkers(files, workers, { role: 'files', job, registries: await registriesInAWorker(registryFiles) }, take);
}

/**
 * The registries, read and parsed by a worker of their own, as bytes each file worker makes its
 * copy from. A large registry's parse is the largest single task; its worker's memory goes back
 * when it ends, and the main thread never holds the registry at all.
 */
function registriesInAWorker(files: readonly string[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { role: 'registries', files } satisfies WorkerRole });
    worker.once('message', (message: { bytes: Uint8Array } | { unreadable: string }) => {
      if ('unreadable' in message) reject(new FileError(message.unreadable));
      else resolve(message.bytes);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function inWorkers<R>(files: readonly string[], count: number, role: WorkerRole, take: (result: R, index: number) => Promise<void> | void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const workers = Array.from({ length: count }, () => new Worker(__filename, { workerData: role, resourceLimits: WORKER_LIMITS }));
    if (role.role === 'files') role.registries = undefined;
    const done = new Map<number, R>();
    const inFlight = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
    let nextToSend = 0;
    let nextToTake = 0;
    let taking = false;
    let failed = false;
    const stop = (error?: unknown) => {
      failed ||= error !== undefined;
      for (const worker of workers) void worker.terminate();
      if (error !== undefined) reject(error);
      else resolve();
    };
    const send = () => {
      for (const worker of workers) {
        while (inFlight.get(worker)! < IN_FLIGHT_PER_WORKER && nextToSend < files.length && nextToSend - nextToTake < AHEAD_PER_WORKER * count) {
          const batch = files.slice(nextToSend, nextToSend + FILES_PER_MESSAGE);
          worker.postMessage({ index: nextToSend, files: batch });
          nextToSend += batch.length;
          inFlight.set(worker, inFlight.get(worker)! + batch.length);
        }
      }
    };
    const takeReady = async () => {
      if (taking) return;
      taking = true;
      try {
        while (!failed && done.has(nextToTake)) {
          const result = done.get(nextToTake)!;
          done.delete(nextToTake);
          await take(result, nextToTake);
          nextToTake++;
          send();
        }
      } catch (error) {
        stop(error);
        return;
      } finally {
        taking = false;
      }
      if (!failed && nextToTake === files.length) stop();
    };
    for (const worker of workers) {
      worker.on('message', ({ index, results }: { index: number; results: R[] }) => {
        inFlight.set(worker, inFlight.get(worker)! - results.length);
        results.forEach((result, k) => done.set(index + k, result));
        send();
        void takeReady();
      });
      worker.once('error', (error) => stop(error));
    }
    send();
  });
}

/** The worker's side, when this program runs as one of its own workers. */
export function isWorker(): boolean {
  return !isMainThread && typeof workerData?.role === 'string';
}

export function runWorker(): void {
  const role = workerData as WorkerRole;
  if (role.role === 'registries') {
    try {
      const bytes = serialize(asPlainData(readRegistries(role.files)));
      parentPort!.postMessage({ bytes });
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      parentPort!.postMessage({ unreadable: error.message });
    }
    return;
  }
  const registries = deserialize(role.registries!) as Registry[];
  role.registries = undefined;
  parentPort!.on('message', ({ index, files }: { index: number; files: readonly string[] }) => {
    // (The rows of `events` are plain data already; a check's diagnostics hold ranges.)
    const results = files.map((file) => {
      const result = runJob(role.job, file, registries);
      return (role.job.command === 'events' ? result : asPlainData(result)) as { bytes?: unknown };
    });
    // A file's rows cross as one buffer, moved rather than copied (unless it shares Node's pool of small buffers).
    const movable = results.flatMap(({ bytes }) => (bytes instanceof Uint8Array && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []));
    parentPort!.postMessage({ index, results }, movable);
  });
}

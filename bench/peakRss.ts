/**
 * Preloaded (`--require`) into a command-line run the bench times: when the process ends, writes
 * its peak memory (the whole process: its worker threads share it) to the file BENCH_PEAK_FILE names.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_PEAK_FILE;
if (isMainThread && file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)));

/**
 * The machine's floor under a hover's wait (issue 34): how late a 20 ms timer fires in a process
 * that does nothing else, first with the machine quiet, then while another process reads W10k's
 * files as the workspace index does (each parsed and summarized, the summaries kept, on one
 * thread). Whatever a hover waits beyond this floor is the index's doing. Prints JSON. Run by
 * w10k.ts, with the W10k folder.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { internTable, parseBriefing, parseRegistry, summarize, type BriefingSummary } from '../src/core';
import { briefingFiles } from './briefingFiles';

/** The files the other process reads: several seconds of the index's work. */
const LOAD_FILES = 3000;
const QUIET_MS = 3000;
const TIMER_MS = 20;

interface Lateness {
  readonly timers: number;
  readonly maxMs: number;
  readonly p99Ms: number;
}

/** Times 20 ms timers, one after another, until `until` settles. */
async function lateness(until: Promise<void>): Promise<Lateness> {
  const late: number[] = [];
  let running = true;
  const stop = () => (running = false);
  void until.then(stop, stop);
  while (running) {
    const asked = performance.now();
    await new Promise((resolve) => setTimeout(resolve, TIMER_MS));
    late.push(performance.now() - asked - TIMER_MS);
  }
  late.sort((a, b) => a - b);
  return { timers: late.length, maxMs: late.at(-1) ?? 0, p99Ms: late[Math.floor(late.length * 0.99)] ?? 0 };
}

/** The other process: W10k's first files read as the index reads them. */
async function readAsTheIndex(folder: string): Promise<void> {
  const registries = [parseRegistry(fs.readFileSync(path.join(folder, 'entities.yaml'), 'utf8'), 'entities.yaml')];
  const files = (await briefingFiles(folder)).slice(0, LOAD_FILES);
  const intern = internTable();
  const kept: BriefingSummary[] = [];
  // Told when the registry is read: the parent times the files' reading alone.
  process.send!('reading');
  for (const file of files) kept.push(summarize(parseBriefing(fs.readFileSync(file, 'utf8'), { registries }), intern));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--load') {
    await readAsTheIndex(process.argv[3]);
    return;
  }
  const folder = process.argv[2];
  const quiet = await lateness(new Promise((resolve) => setTimeout(resolve, QUIET_MS)));
  const child = fork(__filename, ['--load', folder], { stdio: 'inherit' });
  const exited = new Promise<void>((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the reading process ended with ${code}`)))));
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  const loaded = await lateness(exited);
  await exited;
  process.stdout.write(JSON.stringify({ quiet, loaded }));
}

void main();

/**
 * Issue 35's rows: publishing L from its model, as the editor's "Publish as…" commands do (the
 * model is the one the editor holds), with the shipped writers (dist/publish.js). Its own process,
 * since writing the Word document is asynchronous: prints JSON { page, word } of timings.
 */
import * as path from 'node:path';
import { parseBriefing, productOf, type Briefing, type Product } from '../src/core';
import type * as Publish from '../src/publish';
import { makeLarge } from './generate';
import { timingOf } from './measure';

const RUNS = 7;
const WARMUP = 2;

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle as shipped
  const publish = require(path.resolve(__dirname, '../../dist/publish.js')) as typeof Publish;
  const model: Briefing = parseBriefing(makeLarge().text);
  const collect = (globalThis as { gc?: () => void }).gc;
  const timed = async (write: (product: Product) => unknown): Promise<number[]> => {
    const samples: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      collect?.();
      const start = performance.now();
      const outcome = productOf(model);
      if (!('product' in outcome)) throw new Error('L is refused');
      await write(outcome.product);
      if (run >= WARMUP) samples.push(performance.now() - start);
    }
    return samples;
  };
  const page = timingOf(await timed((product) => publish.productHtml(product)));
  const word = timingOf(await timed((product) => publish.productDocx(product)));
  process.stdout.write(JSON.stringify({ page, word }));
}

void main();

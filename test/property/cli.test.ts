import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { anyBriefingText, scaledTimeout } from './generators';

const repoRoot = path.resolve(__dirname, '../../..');
const RUNS = Math.max(20, Math.floor(Number(process.env.FUZZ_RUNS ?? 1500) / 30));

suite('properties of the CLI (fast-check)', function () {
  this.timeout(scaledTimeout(300_000));
  let dir: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-fuzz-'));
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('exits 0, 1 or 2, never with a stack trace', () => {
    let index = 0;
    fc.assert(
      fc.property(anyBriefingText, fc.constantFrom('check', 'export', 'export-csv', 'events', 'events-csv'), (text, command) => {
        const file = path.join(dir, `case-${index++}.briefing`);
        fs.writeFileSync(file, text);
        const args = command.endsWith('-csv') ? [command.replace('-csv', ''), file, '--format', 'csv'] : [command, file];
        const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { encoding: 'utf8' });
        assert.ok([0, 1, 2].includes(result.status ?? -1), `exit ${result.status}: ${result.stderr}`);
        assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
        if ((command === 'export' || command === 'events') && result.status === 0) JSON.parse(result.stdout);
      }),
      { numRuns: RUNS },
    );
  });
});

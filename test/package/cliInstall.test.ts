import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

suite('the `briefing` command on the PATH (npm install -g from a checkout)', () => {
  let prefix: string;
  suiteSetup(() => {
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-global-'));
  });
  suiteTeardown(() => fs.rmSync(prefix, { recursive: true, force: true }));

  test('installs the bin of package.json, which runs the built program from any folder', function () {
    this.timeout(60_000);
    // What the README tells a team: after a build, `npm install -g .` (here into a prefix of its own).
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', repoRoot], { encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    const briefing = path.join(prefix, 'bin', 'briefing');
    const version = spawnSync(briefing, ['--version'], { encoding: 'utf8', cwd: os.tmpdir() });
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
    const sample = spawnSync(briefing, ['events', path.join(repoRoot, 'samples', '*.briefing'), '--format', 'csv'], { encoding: 'utf8', cwd: os.tmpdir() });
    assert.equal(sample.status, 0, sample.stderr);
    assert.match(sample.stdout, /^date,end,precision,approximate,text,line,actors,places,tags,file\r\n2023-/);
  });
});

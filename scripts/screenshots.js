// `npm run screenshots`: takes the README's pictures again in the real UI (the end-to-end tests
// test/e2e/readme-pictures.test.ts, and publish-print.test.ts for the printed page) into images/, then makes them small with pngquant
// (Debian's `pngquant`) when it is installed. Look at them before committing.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { provision } = require('./lib/provision');
const { repoRoot } = require('./lib/repoRoot');

const run = (command, args, env = {}) => spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env }, timeout: 10 * 60 * 1000 });

if (run(process.execPath, ['esbuild.js', '--tests']).status !== 0) process.exit(1);
provision();
const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const taken = run(
  process.execPath,
  [mocha, '--ui', 'tdd', '--reporter', 'spec', '--timeout', '180000', 'out/test/e2e/readme-pictures.test.js', 'out/test/e2e/publish-print.test.js'],
  {
    BRIEFING_PICTURES_DIR: 'images',
  },
);
if (taken.status !== 0) process.exit(taken.status ?? 1);

const pictures = fs.readdirSync(path.join(repoRoot, 'images')).filter((name) => name.endsWith('.png') && name !== 'icon.png');
const hasPngquant = spawnSync('pngquant', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasPngquant) {
  console.warn('[screenshots] pngquant is not installed (apt-get install pngquant): the pictures are left at full size.');
  process.exit(0);
}
for (const name of pictures) {
  const file = path.join('images', name);
  // Lossy but hard to tell on a screenshot: a quarter of the size; exit 99 means "already as small as that quality allows".
  const result = run('pngquant', ['--quality', '65-90', '--speed', '1', '--strip', '--force', '--output', file, file]);
  if (result.status !== 0 && result.status !== 99) process.exit(result.status ?? 1);
}
console.log(`[screenshots] ${pictures.length} pictures in images/: ${pictures.join(', ')}`);

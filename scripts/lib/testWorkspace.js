// A fresh workspace for the integration suite: the sample and the fixtures, copied to a
// temporary folder (removed at exit), so that tests may edit, create and delete files
// without touching the repository.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { repoRoot } = require('./repoRoot');

function makeTestWorkspace() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-workspace-'));
  fs.cpSync(path.join(repoRoot, 'samples'), folder, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'test/integration/fixtures'), folder, { recursive: true });
  process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

module.exports = { makeTestWorkspace };

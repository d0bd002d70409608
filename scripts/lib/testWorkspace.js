// A fresh workspace for the integration suite: the sample and the fixtures, copied to a
// temporary folder (removed at exit), so that tests may edit, create and delete files
// without touching the repository.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { repoRoot } = require('./repoRoot');

// The workspaces made, removed at exit. Each e2e test file is a bundle with its own copy of this
// module: the first copy keeps the list for all, on the process, and listens for its end once.
const SHARED = Symbol.for('analyst-briefings.testWorkspaces');
const firstCopy = !process[SHARED];
const madeFolders = (process[SHARED] ??= []);
if (firstCopy) {
  process.on('exit', () => {
    for (const folder of madeFolders) fs.rmSync(folder, { recursive: true, force: true });
  });
}

function makeTestWorkspace() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-workspace-'));
  fs.cpSync(path.join(repoRoot, 'samples'), folder, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'test/integration/fixtures'), folder, { recursive: true });
  madeFolders.push(folder);
  return folder;
}

module.exports = { makeTestWorkspace };

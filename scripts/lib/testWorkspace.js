// A fresh workspace for the integration suite: the sample and the fixtures, copied to a
// temporary folder (removed at exit), so that tests may edit, create and delete files
// without touching the repository.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { repoRoot } = require('./repoRoot');
const { sharedOnProcess } = require('./sharedOnProcess');

// The workspaces made, removed at exit.
const madeFolders = sharedOnProcess(
  'testWorkspaces',
  () => [],
  (folders) => {
    process.on('exit', () => {
      for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
    });
  },
);

/** A fresh workspace folder, with `files` (relative path → text) written in it besides the sample and the fixtures. */
function makeTestWorkspace(files = {}) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-workspace-'));
  fs.cpSync(path.join(repoRoot, 'samples'), folder, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'test/integration/fixtures'), folder, { recursive: true });
  madeFolders.push(folder);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

module.exports = { makeTestWorkspace };

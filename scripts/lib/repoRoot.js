// The repository's root, found from wherever this file ends up (it is also bundled into out/).
const fs = require('node:fs');
const path = require('node:path');

function findRepoRoot(start = __dirname) {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'analyst-briefings') return dir;
    if (path.dirname(dir) === dir) throw new Error(`not inside the analyst-briefings repository: ${start}`);
  }
}

module.exports = { repoRoot: findRepoRoot() };

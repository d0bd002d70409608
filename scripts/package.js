// `npm run package`: the .vsix, with @vscode/vsce. VS Code's page of an installed extension drops
// relative pictures and links (its sanitizer keeps only absolute ones), and the Marketplace needs
// them absolute too: vsce rewrites them against package.json's `repository` when there is one.
// Until the project has a public repository, the .vsix's README is this one with each picture
// replaced by its caption and each relative link by its text and the path it names (the files
// stay in the .vsix: docs/, ARCHITECTURE.md, CONTRIBUTING.md), so that page shows nothing broken.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { repoRoot } = require('./lib/repoRoot');

const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const args = ['package', '--no-dependencies'];

if (!manifest.repository) {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  fs.mkdirSync(path.join(repoRoot, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'dist', 'README.vsix.md'), readmeWithoutRelativeLinks(readme));
  args.push('--allow-missing-repository', '--readme-path', 'dist/README.vsix.md');
}

const result = spawnSync(process.execPath, [vsce, ...args], { cwd: repoRoot, stdio: 'inherit' });
process.exit(result.status ?? 1);

/** Pictures become their captions; relative links, their text and the path (code blocks left alone). */
function readmeWithoutRelativeLinks(markdown) {
  const relative = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');
  return markdown
    .split(/(^```[\s\S]*?^```)/m)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, caption, target) => (relative(target) ? `*Picture: ${caption}.*` : whole))
            .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, text, target) =>
              relative(target) ? (text === target || text === path.basename(target) ? `\`${target}\`` : `${text} (\`${target}\`)`) : whole,
            ),
    )
    .join('');
}

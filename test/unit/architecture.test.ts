import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './util';

const ALLOWED_PACKAGES = ['yaml'];

suite('architecture', () => {
  test('src/core imports neither vscode nor Node built-ins: only its own files and yaml', () => {
    const coreDir = path.join(repoRoot, 'src/core');
    const offenders: string[] = [];
    for (const file of fs.readdirSync(coreDir, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const source = fs.readFileSync(path.join(coreDir, file), 'utf8');
      for (const match of source.matchAll(/(?:from\s+|import\s*\(|require\s*\()\s*['"]([^'"]+)['"]/g)) {
        const specifier = match[1];
        if (!specifier.startsWith('.') && !ALLOWED_PACKAGES.includes(specifier)) offenders.push(`${file}: ${specifier}`);
      }
      if (/\b(process|Buffer|__dirname)\./.test(source)) offenders.push(`${file}: uses a Node global`);
    }
    assert.deepEqual(offenders, []);
  });
});

suite('trust', () => {
  const sources = () => {
    const files: [string, string][] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) files.push([path.relative(repoRoot, full), fs.readFileSync(full, 'utf8')]);
      }
    };
    walk(path.join(repoRoot, 'src'));
    return files;
  };

  test('MarkdownString.isTrusted is only ever false or an allowlist of our own reveal command', () => {
    const uses = sources().flatMap(([file, text]) => [...text.matchAll(/isTrusted\s*=\s*([^;]+);/g)].map((match) => `${file}: ${match[1].trim()}`));
    assert.ok(uses.length > 0);
    for (const use of uses) assert.match(use, /: (false|\{ enabledCommands: \[REVEAL_COMMAND\] \})$/, use);
  });

  test('no HTML in Markdown, no webviews, nothing run from the workspace', () => {
    for (const [file, text] of sources()) {
      assert.doesNotMatch(text, /supportHtml\s*=\s*true/, file);
      assert.doesNotMatch(text, /createWebviewPanel|child_process|\beval\(|new Function\(/, file);
    }
  });
});

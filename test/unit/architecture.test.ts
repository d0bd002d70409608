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

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

/**
 * The core's folders are layers: each may import the ones listed for it and no other (the map of
 * ARCHITECTURE.md draws the same graph).
 */
const CORE_LAYERS: Record<string, readonly string[]> = {
  text: [],
  markdown: ['text'],
  geo: ['text'],
  model: ['text'],
  dates: ['text', 'model'],
  yaml: ['text', 'model', 'dates'],
  match: ['text', 'model'],
  body: ['text', 'markdown', 'model', 'dates'],
  parse: ['text', 'markdown', 'model', 'dates', 'yaml', 'match', 'body', 'geo'],
  language: ['text', 'model', 'dates', 'yaml', 'match', 'body', 'parse', 'geo'],
  stix: ['text', 'model', 'dates', 'yaml', 'geo', 'language'],
  publish: ['text', 'model', 'dates', 'yaml', 'body', 'language'],
};

/** Every .ts file under a folder of src, with the files its relative imports name (resolved, without extension). */
function importGraph(folder: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const source = fs.readFileSync(full, 'utf8');
        const targets = [...source.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]*)['"]/g)].map((match) => {
          const target = path.resolve(path.dirname(full), match[1]);
          return fs.existsSync(`${target}.ts`) ? target : path.join(target, 'index');
        });
        graph.set(full.replace(/\.ts$/, ''), targets);
      }
    }
  };
  walk(path.join(repoRoot, folder));
  return graph;
}

suite('layers', () => {
  const coreDir = path.join(repoRoot, 'src/core');
  const layerOf = (file: string) => path.relative(coreDir, file).split(path.sep)[0];

  test('every file of src/core is in a layer folder (index.ts aside), and each layer imports only the layers under it', () => {
    const offenders: string[] = [];
    for (const [file, targets] of importGraph('src/core')) {
      const layer = layerOf(file);
      if (layer === 'index') continue;
      if (!(layer in CORE_LAYERS)) offenders.push(`${layer}: not a layer`);
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== layer && !CORE_LAYERS[layer]?.includes(to)) offenders.push(`${path.relative(coreDir, file)} imports ${path.relative(coreDir, target)}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  test('no import cycle anywhere in src', () => {
    const graph = importGraph('src');
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push(
          trail
            .slice(trail.indexOf(file))
            .concat(file)
            .map((step) => path.relative(repoRoot, step))
            .join(' → '),
        );
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  test('the editor, the CLI and the writers reach the core through core/index.ts only', () => {
    const offenders: string[] = [];
    for (const folder of ['src/features', 'src/cli', 'src/publish']) {
      for (const [file, targets] of importGraph(folder)) {
        for (const target of targets)
          if (target.startsWith(coreDir) && target !== path.join(coreDir, 'index')) offenders.push(`${path.relative(repoRoot, file)} imports ${path.relative(repoRoot, target)}`);
      }
    }
    for (const file of ['src/extension.ts', 'src/cli.ts']) {
      for (const match of fs.readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/from\s+['"](\.\/core[^'"]*)['"]/g))
        if (match[1] !== './core') offenders.push(`${file} imports ${match[1]}`);
    }
    assert.deepEqual(offenders, []);
  });
});

/** The relative imports of a file that bring code (not `import type`, nor braces of types only). */
function codeImports(source: string): string[] {
  return [...source.matchAll(/import\s+(type\s+)?([^;]*?)\s*from\s+['"](\.[^'"]*)['"]/g)]
    .filter(([, typeOnly, names]) => !typeOnly && !/^\{\s*(type\s+\w+\s*,?\s*)+\}$/.test(names))
    .map((match) => match[3]);
}

suite('on-demand code', () => {
  const featuresDir = path.join(repoRoot, 'src/features');
  const onDemandDir = path.join(featuresDir, 'onDemand');
  const resolved = (file: string, specifier: string) => path.relative(featuresDir, path.resolve(path.dirname(file), specifier));
  const inOnDemand = (target: string) => target.startsWith(`onDemand${path.sep}`);

  test('the rest of the extension takes only types from src/features/onDemand (its code is another bundle)', () => {
    const offenders: string[] = [];
    for (const file of importGraph('src').keys()) {
      if (file.startsWith(onDemandDir)) continue;
      for (const specifier of codeImports(fs.readFileSync(`${file}.ts`, 'utf8')))
        if (inOnDemand(resolved(file, specifier))) offenders.push(`${path.relative(repoRoot, file)} imports ${specifier}`);
    }
    assert.deepEqual(offenders, []);
  });

  test('the on-demand code takes from the rest of the extension only types, the core and small helpers (no second copy of a feature)', () => {
    const offenders: string[] = [];
    for (const file of importGraph('src/features/onDemand').keys()) {
      for (const specifier of codeImports(fs.readFileSync(`${file}.ts`, 'utf8'))) {
        const target = resolved(file, specifier);
        if (
          !inOnDemand(target) &&
          !['../core', 'convert', 'selector', 'revealLine', 'pictureHtml', 'pictureColumn', 'pictureExports', 'runBundle', 'timeSlice', 'refreshDelay'].includes(target)
        )
          offenders.push(`${path.relative(repoRoot, file)} imports ${specifier}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  test("no `instanceof` of the core's classes: each bundle has its own copy of them, and models cross bundles", () => {
    // The parse tells its own entities by their class: the objects and the test come from one copy.
    const allowed = ['src/core/body/events.ts: ModelEntity'];
    const files = [...importGraph('src').keys()].map((file) => [path.relative(repoRoot, file) + '.ts', fs.readFileSync(`${file}.ts`, 'utf8')] as const);
    const coreClasses = new Set(files.filter(([file]) => file.startsWith('src/core/')).flatMap(([, source]) => [...source.matchAll(/\bclass\s+(\w+)/g)].map((match) => match[1])));
    const offenders = files.flatMap(([file, source]) =>
      [...source.matchAll(/\binstanceof\s+(\w+)/g)].filter((match) => coreClasses.has(match[1])).map((match) => `${file}: ${match[1]}`),
    );
    assert.deepEqual(
      offenders.filter((offender) => !allowed.includes(offender)),
      [],
    );
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

  test('no HTML in Markdown, nothing run from the workspace, and webviews only for the pictures', () => {
    for (const [file, text] of sources()) {
      assert.doesNotMatch(text, /supportHtml\s*=\s*true/, file);
      assert.doesNotMatch(text, /\beval\(/, file);
      // One process: the check task's terminal runs the extension's own command-line program, on its own Node.
      if (file !== path.join('src', 'features', 'checkTerminal', 'index.ts')) assert.doesNotMatch(text, /child_process/, file);
      else assert.match(text, /spawn\(process\.execPath, \[path\.join\(__dirname, 'cli\.js'\), \.\.\.run\.args\]/, file);
      // One exception: the web extension host runs the extension's own bundles (on-demand, publish) as it runs its main one.
      if (file !== path.join('src', 'features', 'runBundle.ts')) assert.doesNotMatch(text, /new Function\(/, file);
      // One place makes the pictures' panels, each with its page's strict policy.
      if (file !== path.join('src', 'features', 'onDemand', 'picturePage.ts')) assert.doesNotMatch(text, /createWebviewPanel/, file);
    }
  });

  test("a picture's page lets in its own bundle only: a nonce, no eval, no inline style, no remote origin", () => {
    const page = fs.readFileSync(path.join(repoRoot, 'src/features/pictureHtml.ts'), 'utf8');
    const policy = /Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    assert.match(policy, /^default-src 'none';/);
    assert.match(policy, /script-src 'nonce-\$\{once\}';/);
    assert.doesNotMatch(policy, /unsafe-eval|unsafe-inline|https?:|\*/);
    assert.match(page, /<script nonce="\$\{once\}" src=/);
    // The pages' code sets no HTML from data: text only.
    for (const [file, text] of sources().filter(([name]) => name.startsWith(path.join('src', 'webview')))) {
      assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, file);
    }
  });
});

// An esbuild plugin that leaves the `yaml` package's writer out of the bundles. We only read
// YAML (parseDocument and the node tests); the writer (Document#toString and the stringify
// modules, about 12 KB of the extension's 200 KB budget) is kept alive only by the methods of
// the classes the reader returns. Its modules become functions that throw a clear error, so a
// path we did not foresee fails loudly (and the parser turns it into an "internal-error"
// diagnostic) instead of writing wrong YAML. test/unit/yamlWriter.test.ts reads YAML of every
// kind with this build and checks that the writer is not reached; the property tests assert
// that no generated text gives an internal error.
const fs = require('node:fs');

const WRITER_MODULES = /[\\/]yaml[\\/]browser[\\/]dist[\\/]stringify[\\/](stringify|stringifyString|stringifyCollection|stringifyPair|stringifyDocument|stringifyNumber|foldFlowLines)\.js$/;

const yamlWithoutWriter = {
  name: 'yaml-without-writer',
  setup(build) {
    build.onLoad({ filter: WRITER_MODULES }, ({ path }) => {
      const exported = /export\s*\{([^}]*)\}/.exec(fs.readFileSync(path, 'utf8'));
      if (!exported) throw new Error(`yaml-without-writer: no export list in ${path} (has the yaml package changed?)`);
      const names = exported[1].split(',').map((name) => name.trim()).filter(Boolean);
      const contents = names
        .map((name) =>
          /^[A-Z_]+$/.test(name)
            ? `export const ${name} = ${JSON.stringify(name)};`
            : `export function ${name}() { throw new Error('Writing YAML is not part of this build (yaml-without-writer)'); }`,
        )
        .join('\n');
      return { contents, loader: 'js' };
    });
  },
};

module.exports = { yamlWithoutWriter, WRITER_MODULES };

// `import text from 'a-package/file.json?text'`: the file as a string, for the page to read with
// JSON.parse (a large object literal in a script takes longer to parse than the same JSON text).
const fs = require('node:fs');

const textImports = {
  name: 'text-imports',
  setup(build) {
    build.onResolve({ filter: /\?text$/ }, ({ path, resolveDir }) => ({
      path: require.resolve(path.slice(0, -'?text'.length), { paths: [resolveDir] }),
      namespace: 'text-import',
    }));
    build.onLoad({ filter: /.*/, namespace: 'text-import' }, ({ path }) => ({ contents: fs.readFileSync(path, 'utf8'), loader: 'text' }));
  },
};

module.exports = { textImports };

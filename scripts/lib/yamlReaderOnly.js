// An esbuild plugin that leaves out of the bundles the parts of the `yaml` package that reading
// YAML the way we do never reaches. We read the nodes of a parsed document ourselves, with their
// positions; we never write YAML, never build nodes from JavaScript values and never turn nodes
// into JavaScript values. So the writer (Document#toString and the stringify modules), the
// builder (createNode, anchors), the conversion to JavaScript (toJS, revivers, and the document
// walker it uses for aliases), the line counter and the JSON schema (options we never set), and
// the CST's own writer and walker stay out: a tenth of the extension's size budget, kept
// alive only by methods and maps of the classes the reader returns. Their modules become
// functions that throw a clear error, so a path we did not foresee fails loudly (and the parser
// turns it into an "internal-error" diagnostic) instead of doing the wrong thing.
// test/unit/yamlWriter.test.ts reads YAML of every kind with this build and checks that none of
// it is reached; the property tests assert that no generated text gives an internal error.
// Every yaml module is also marked free of side effects, so that what no code uses is dropped whole.
// YAML 1.1's own types are left out too: a document that declares `%YAML 1.1` is read
// with the core schema and its merge keys (`<<: *base` still merges); its other types (`yes`/`no`
// booleans, sexagesimal numbers, `!!binary`, `!!set`, `!!omap`, `!!pairs`, `!!timestamp`) are
// read as the core schema reads them: plain text, or an unresolved tag's warning. Names, aliases
// and roles are text; no field of the format is any of those types.
const fs = require('node:fs');
const path = require('node:path');

const WRITER_MODULES =
  /[\\/]yaml[\\/]browser[\\/]dist[\\/]stringify[\\/](stringify|stringifyString|stringifyCollection|stringifyPair|stringifyDocument|stringifyNumber|foldFlowLines)\.js$/;
const UNREACHED_MODULES =
  /[\\/]yaml[\\/]browser[\\/]dist[\\/](doc[\\/]createNode|doc[\\/]anchors|doc[\\/]applyReviver|visit|nodes[\\/]toJS|nodes[\\/]addPairToJSMap|schema[\\/]json[\\/]schema|parse[\\/]line-counter|parse[\\/]cst-visit|parse[\\/]cst-stringify)\.js$/;
const YAML_MODULE = /[\\/]yaml[\\/]browser[\\/]/;
const SCHEMA_TAGS = /[\\/]yaml[\\/]browser[\\/]dist[\\/]schema[\\/]tags\.js$/;

// The methods of the classes a parsed document is made of that only edit, copy or write it: a
// class's methods cannot be dropped by the bundler as unused functions are, so they are cut from
// its source here. A method that is not found fails the build (the package changed).
const WRITING_METHODS = {
  'doc/Document.js': [
    'clone',
    'add',
    'addIn',
    'createAlias',
    'createNode',
    'createPair',
    'delete',
    'deleteIn',
    'get',
    'getIn',
    'has',
    'hasIn',
    'set',
    'setIn',
    'toJS',
    'toJSON',
    'toString',
  ],
  'doc/directives.js': ['clone', 'tagString', 'toString'],
  'nodes/Collection.js': ['clone', 'addIn', 'deleteIn', 'getIn', 'hasAllNullValues', 'hasIn', 'setIn'],
  'nodes/YAMLMap.js': ['from', 'delete', 'get', 'has', 'set', 'toJSON', 'toString'],
  'nodes/YAMLSeq.js': ['add', 'delete', 'get', 'has', 'set', 'toJSON', 'toString', 'from'],
  'nodes/Alias.js': ['toJSON', 'toString'],
  'nodes/Pair.js': ['clone', 'toJSON', 'toString'],
  'nodes/Scalar.js': ['toJSON', 'toString'],
};
const WITH_WRITING_METHODS = /[\\/]yaml[\\/]browser[\\/]dist[\\/]((?:doc|nodes)[\\/]\w+\.js)$/;

/** The source of a module of the package without the named methods of its class. */
function withoutMethods(source, methods, file) {
  let result = source;
  for (const method of methods) {
    // A method starts at the class body's indentation and ends at the first brace back there.
    const pattern = new RegExp(`\\n    (?:static )?${method}\\([^\\n]*\\) \\{\\n[\\s\\S]*?\\n    \\}\\n`);
    if (!pattern.test(result)) throw new Error(`yaml-reader-only: no method ${method} in ${file} (has the yaml package changed?)`);
    result = result.replace(pattern, '\n');
  }
  return result;
}

/** schema/tags.js with the core and failsafe schemas and the merge key only (see above). */
const CORE_TAGS_ONLY = `
import { map } from './common/map.js';
import { seq } from './common/seq.js';
import { string } from './common/string.js';
import { schema } from './core/schema.js';
import { merge } from './yaml-1.1/merge.js';
const coreKnownTags = { 'tag:yaml.org,2002:merge': merge };
function getTags(customTags, schemaName, addMergeTag) {
  if (customTags) throw new Error('Custom tags are not part of this build (yaml-reader-only)');
  if (!['core', 'failsafe', 'yaml-1.1', 'yaml11'].includes(schemaName)) throw new Error('The ' + schemaName + ' schema is not part of this build (yaml-reader-only)');
  const tags = schemaName === 'failsafe' ? [map, seq, string] : schema.slice();
  return addMergeTag ? tags.concat(merge) : tags;
}
export { coreKnownTags, getTags };
`;

/** A module's named exports, each a function that throws (an upper-case constant keeps its name as its value). */
function stubOf(path, message) {
  const exported = /export\s*\{([^}]*)\}/.exec(fs.readFileSync(path, 'utf8'));
  if (!exported) throw new Error(`yaml-reader-only: no export list in ${path} (has the yaml package changed?)`);
  const names = exported[1]
    .split(',')
    .map((name) =>
      name
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    )
    .filter(Boolean);
  return names
    .map((name) => (/^[A-Z_]+$/.test(name) ? `export const ${name} = ${JSON.stringify(name)};` : `export function ${name}() { throw new Error(${JSON.stringify(message)}); }`))
    .join('\n');
}

const yamlReaderOnly = {
  name: 'yaml-reader-only',
  setup(build) {
    build.onLoad({ filter: WRITER_MODULES }, ({ path }) => ({ contents: stubOf(path, 'Writing YAML is not part of this build (yaml-reader-only)'), loader: 'js' }));
    build.onLoad({ filter: WITH_WRITING_METHODS }, ({ path: file }) => {
      const name = WITH_WRITING_METHODS.exec(file)[1].replace(/\\/g, '/');
      if (!WRITING_METHODS[name]) return undefined;
      return { contents: withoutMethods(fs.readFileSync(file, 'utf8'), WRITING_METHODS[name], name), loader: 'js', resolveDir: path.dirname(file) };
    });
    build.onLoad({ filter: SCHEMA_TAGS }, ({ path: file }) => ({ contents: CORE_TAGS_ONLY, loader: 'js', resolveDir: path.dirname(file) }));
    build.onLoad({ filter: UNREACHED_MODULES }, ({ path }) => ({
      contents: stubOf(path, 'This part of the yaml package is not part of this build (yaml-reader-only)'),
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (!YAML_MODULE.test(args.importer) || args.pluginData === 'yaml-reader-only') return undefined;
      const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'yaml-reader-only' });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
    });
  },
};

module.exports = { yamlReaderOnly, WRITER_MODULES, UNREACHED_MODULES };

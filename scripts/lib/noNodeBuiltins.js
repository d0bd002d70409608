// An esbuild plugin that fails a browser build on any Node built-in, instead of shipping code
// that breaks at run time in VS Code for the Web.
const { builtinModules } = require('node:module');

const names = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!names.has(args.path)) return undefined;
      return { errors: [{ text: `the web extension must not use the Node built-in '${args.path}' (imported by ${args.importer})` }] };
    });
  },
};

module.exports = { noNodeBuiltins };

/**
 * A stand-in for the `vscode` module, so that the bundle can be required and activated in
 * plain Node to time it: every property is a callable that returns another stand-in, and every
 * write is accepted.
 */
function stand(): unknown {
  const target = function () {
    /* a stand-in */
  };
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return undefined; // not a promise
      if (property === '__esModule') return true; // used as it is by the bundle's interop
      if (property === Symbol.iterator)
        return function* () {
          /* empty */
        };
      if (property === Symbol.toPrimitive) return () => '';
      if (property === 'length') return 0;
      return stand();
    },
    // Writes go nowhere: a function's own `name` and `length` are read-only, and the extension
    // sets `name` on what it creates (a language status item).
    set: () => true,
    apply: () => stand(),
    construct: () => stand() as object,
  });
}

/**
 * An object whose prototype is the stand-in: the bundle's CommonJS interop copies a module's own
 * properties into a new object with the same prototype, so every name still resolves.
 */
export const fakeVscode: unknown = Object.create(stand() as object);

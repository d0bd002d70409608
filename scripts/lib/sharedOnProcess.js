// Each e2e test file is a bundle with its own copy of the script modules it uses. State that must
// be one for the whole process (what to clean up at exit) lives on the process, under a name:
// the first copy makes it and sets up its clean-up, once (not once a file, past Node's limit of
// listeners); the others find it there.

/**
 * The value kept on the process under `name`: made by `create` and handed to `setUp` by the
 * first copy that asks, the same value for every later one.
 * @template T
 * @param {string} name
 * @param {() => T} create
 * @param {(value: T) => void} setUp
 * @returns {T}
 */
function sharedOnProcess(name, create, setUp) {
  const key = Symbol.for(`analyst-briefings.${name}`);
  if (!process[key]) {
    process[key] = create();
    setUp(process[key]);
  }
  return process[key];
}

module.exports = { sharedOnProcess };

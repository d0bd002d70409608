// Runs before the test files are evaluated: mocha's globals (suite, test…) must exist by then.
import 'mocha/mocha.js';

declare const mocha: { setup(options: Record<string, unknown>): void; run(done: (failures: number) => void): void };
mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 30_000 });

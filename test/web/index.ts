// The integration suite in VS Code for the Web: the same test files, bundled for the browser's
// extension host with mocha's browser build. Tests that need what a web extension host cannot
// have are marked in their files (they skip themselves where `inWebExtensionHost`, in the helpers, is true).
import './setup';
import '../integration/activation.test';
import '../integration/highlighting.test';
import '../integration/language.test';
import '../integration/diagnostics.test';
import '../integration/eventsView.test';
import '../integration/reliability.test';
import '../integration/preview.test';
import '../integration/problemMatcher.test';
import '../integration/timeline.test';
import '../integration/linkChart.test';
import '../integration/map.test';
import '../integration/stix.test';
import '../integration/publish.test';

declare const mocha: { setup(options: Record<string, unknown>): void; run(done: (failures: number) => void): void };

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web integration test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}

import * as assert from 'node:assert/strict';
import spec from 'commonmark-spec';
import { disagreement } from '../shared/commonmarkAgreement';

/**
 * Every example of the CommonMark 0.31.2 spec, with `foo` and `bar` registered as actors: our
 * mentions are exactly the occurrences markdown-it (the parser of VS Code's preview) renders as
 * text, bare URLs aside, and our events exactly the list items it finds that start with a date.
 */
suite('CommonMark 0.31.2 conformance', () => {
  test(`all ${spec.tests.length} examples of the spec agree with markdown-it`, () => {
    const failures: string[] = [];
    for (const example of spec.tests) {
      const body = example.markdown.replace(/→/g, '\t');
      const found = disagreement(body);
      if (found) failures.push(`example ${example.number} (${example.section}) ${JSON.stringify(body)}: ${JSON.stringify(found)}`);
    }
    assert.deepEqual(failures, []);
  });
});

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBriefing } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

const number = (min: number, max: number) => fc.integer({ min, max }).map(String);
const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const year = number(1900, 2100);
const dateSeparator = fc.constantFrom('-', '/', '.');
const time = fc.tuple(fc.constantFrom('T', ' '), number(0, 29), twoDigits, fc.constantFrom('', ':30', 'Z', ' +09:00')).map(([before, h, m, rest]) => `${before}${h}:${m}${rest}`);

/** One date in one of the forms people write, right or wrong. */
const writtenDate = fc.oneof(
  fc
    .tuple(year, fc.option(fc.tuple(dateSeparator, fc.oneof(number(0, 14), twoDigits), fc.option(fc.oneof(number(0, 33), twoDigits)))), fc.option(time))
    .map(([y, rest, t]) => (rest ? `${y}${rest[0]}${rest[1]}${rest[2] === null ? '' : rest[0] + rest[2]}` : y) + (t ?? '')),
  fc.tuple(number(0, 33), dateSeparator, number(0, 33), year).map(([a, sep, b, y]) => `${a}${sep}${b}${sep}${y}`),
  fc
    .tuple(fc.option(number(0, 33)), fc.constantFrom('Jan', 'Sept.', 'May', 'June', 'November', 'Nox', 'sep'), fc.option(number(0, 33)), year)
    .map(([before, month, after, y]) => `${before === null ? '' : `${before} `}${month}${after === null ? '' : ` ${after},`} ${y}`),
  fc.tuple(year, number(0, 54), fc.option(number(0, 8))).map(([y, w, d]) => `${y}-W${w.padStart(2, '0')}${d === null ? '' : `-${d}`}`),
  fc.tuple(year, fc.constantFrom('Q', 'H'), number(0, 5)).map(([y, kind, n]) => `${y}-${kind}${n}`),
);

/** List items that start with something date-like: dates as written, joined as ranges, or random date-like pieces. */
const dateLikeItem = fc
  .tuple(
    fc.oneof(
      fc
        .tuple(fc.boolean(), writtenDate, fc.option(fc.tuple(fc.constantFrom('..', ' .. ', '/', ' to ', '-', ' – '), fc.boolean(), writtenDate)))
        .map(([tilde, first, range]) => `${tilde ? '~' : ''}${first}${range ? `${range[0]}${range[1] ? '~' : ''}${range[2]}` : ''}`),
      fc
        .array(fc.oneof(fc.constantFrom('~', '-', '/', '.', ' ', 'T', 'W', 'Q', 'H', ':', '..', ' to ', ' – ', ',', 'Nov', 'May', 'Sept', 'June', 'th'), number(0, 99), year), {
          minLength: 1,
          maxLength: 9,
        })
        .map((parts) => parts.join('')),
    ),
    fc.constantFrom(': ', ' - ', ' – ', ' ', ':'),
    fc.constantFrom('talks', '2023-11-30: more', '10:00 call', ''),
  )
  .map(([date, separator, rest]) => `- ${date}${separator}${rest}`);

const HINTS = new Set(['unread-date', 'split-range']);

suite('dates written in other forms (property)', function () {
  // A time limit like every property suite's: a busy machine took the default 2 s.
  this.timeout(scaledTimeout(60_000));
  test('a hint is on an item that is not an event, or on a split range; its fix makes an event with no hint', () => {
    fc.assert(
      fc.property(dateLikeItem, (item) => {
        const text = `# Events\n${item}\n`;
        const model = parseBriefing(text);
        assert.ok(!model.diagnostics.some((d) => d.code === 'internal-error'));
        const hints = model.diagnostics.filter((d) => HINTS.has(d.code));
        assert.ok(hints.length <= 1);
        const [hint] = hints;
        if (!hint) return;
        assert.equal(model.events.length, hint.code === 'split-range' ? 1 : 0, `${hint.code} on ${item}`);
        if (!hint.fix) return;
        const fixed = parseBriefing(
          applyEdits(
            text,
            hint.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
          ),
        );
        assert.equal(fixed.events.length, 1, `the fix of ${item}`);
        assert.ok(fixed.events[0].valid, `the fixed date of ${item}`);
        assert.deepEqual(
          fixed.diagnostics.filter((d) => HINTS.has(d.code)),
          [],
          `the fix of ${item}`,
        );
      }),
      { numRuns: RUNS },
    );
  });

  test("a front-matter date written in another form: its fix writes the day the body's hint would, and settles it", () => {
    fc.assert(
      fc.property(writtenDate, (written) => {
        const text = `---\ndate: ${JSON.stringify(written)}\n---\n- ${written}: x\n`;
        const model = parseBriefing(text);
        const warning = model.diagnostics.find((d) => d.code === 'invalid-date' && d.range.start.line === 1);
        if (!warning?.fix) return;
        const [{ newText: day }] = warning.fix.edits;
        const hint = model.diagnostics.find((d) => d.code === 'unread-date');
        assert.equal(hint?.fix?.edits[0].newText, day, `the body reads '${written}' as the same day`);
        const fixed = parseBriefing(
          applyEdits(
            text,
            warning.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
          ),
        );
        assert.equal(fixed.frontMatter?.date, day);
        assert.deepEqual(
          fixed.diagnostics.filter((d) => d.range.start.line < 3),
          [],
          `the fix of ${written}`,
        );
      }),
      { numRuns: RUNS },
    );
  });
});

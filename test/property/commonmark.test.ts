import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { disagreement } from '../shared/commonmarkAgreement';
import { scaledTimeout } from './generators';

/** Thousands of cases in `npm test`; `npm run fuzz` sets FUZZ_RUNS much higher. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/** What may open a line: containers (quotes, list items), indentation, or nothing. */
const PREFIXES = [
  '',
  '',
  '',
  '> ',
  '>',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '- > ',
  '> - ',
  '> > ',
  '  ',
  '   ',
  '    ',
  '\t',
  ' - ',
  '  - ',
  '    - ',
  '-',
  '1.',
  '10. ',
  '\t- ',
  '>\t',
  '-\t',
  '> 1. ',
  '  > ',
  '- - ',
  '      ',
  '1. - ',
];

/** Pieces of a line: the registered names, Markdown's syntax, HTML, links and definitions, dates. */
const PIECES = [
  'foo',
  'foo',
  'bar',
  'bar',
  ' ',
  ' ',
  'x',
  'foobar',
  'foo_',
  '_bar',
  '`',
  '``',
  '```',
  '~~~',
  '```foo',
  '~~~ bar',
  '\\',
  '\\`',
  '\\[',
  '*',
  '**',
  '_',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '][',
  '[]',
  '"',
  "'",
  ' "t"',
  '<',
  '>',
  '/',
  '[foo]',
  '[bar]',
  '[foo][bar]',
  '[foo][]',
  '[x](/u)',
  '[foo](/bar "foo")',
  '[x](<foo bar>)',
  '(foo)',
  '[foo]: /url',
  '[bar]: /u "foo"',
  '[Foo]:',
  ' /url',
  '<foo>',
  '<bar attr="foo">',
  '</foo>',
  '<a href="foo">',
  '<!-- foo -->',
  '<!--',
  '-->',
  '<?foo?>',
  '<!FOO bar>',
  '<![CDATA[foo]]>',
  '<div>',
  '</div>',
  '<pre>',
  '</pre>',
  '<script>',
  '</script>',
  '<http://foo.bar>',
  '<foo@bar.com>',
  'http://foo.org/bar',
  'www.foo.org',
  '# ',
  '## ',
  '#',
  '---',
  '===',
  '***',
  '- - -',
  '&amp;',
  '&foo;',
  '&#102;oo',
  '\t',
  '  ',
  '___',
  '![foo](/u)',
  '[![foo](x)](y)',
  '<a href="x">foo</a>',
  '`foo`',
  '``foo``',
  '\\<foo>',
  '[foo\\]',
  '[ foo ]',
  '<!-->',
  '<!--->',
  '<?',
  '?>',
  '<!DOCTYPE foo>',
  '<textarea>',
  '</textarea>',
  '<style>',
  '</style>',
  '*foo*',
  '_bar_',
  '[foo](javascript:bar)',
  '<javascript:foo>',
  '2023-11-13: ',
  '2023: ',
  '~2023-11 - ',
  '2023..2024: ',
  '2023-02-30: ',
];

const line = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...PIECES), { maxLength: 7 })).map(([prefix, pieces]) => prefix + pieces.join(''));

/** Documents of up to a dozen lines, blank lines frequent: containers, fences, HTML, links, definitions, code spans, names and dates. */
const markdownDocument = fc
  .array(fc.oneof({ weight: 5, arbitrary: line }, { weight: 1, arbitrary: fc.constant('') }), { minLength: 1, maxLength: 16 })
  .map((lines) => lines.join('\n'));

/** Text a character or a name at a time, from Markdown's punctuation, spaces and line breaks: the corners the pieces above miss. */
const ALPHABET = [
  'foo',
  'bar',
  'a',
  ' ',
  ' ',
  '\t',
  '\n',
  '\n',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '\\',
  '*',
  '_',
  '-',
  '#',
  '=',
  '~',
  ':',
  '"',
  "'",
  '/',
  '&',
  ';',
  '1',
  '.',
  '2023: ',
];
const characterDocument = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 120 }).map((parts) => parts.join(''));

suite('CommonMark reading against markdown-it (fast-check)', function () {
  this.timeout(scaledTimeout(120_000));

  test('mentions and events are those derived from what markdown-it renders as text', () => {
    fc.assert(
      fc.property(markdownDocument, (body) => {
        const found = disagreement(body);
        assert.equal(found, undefined, `${JSON.stringify(body)}: ${JSON.stringify(found)}`);
      }),
      { numRuns: RUNS },
    );
  });

  test('the same for text made a character at a time', () => {
    fc.assert(
      fc.property(characterDocument, (body) => {
        const found = disagreement(body);
        assert.equal(found, undefined, `${JSON.stringify(body)}: ${JSON.stringify(found)}`);
      }),
      { numRuns: RUNS },
    );
  });
});

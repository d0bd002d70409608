import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './util';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

suite('language configuration', () => {
  test('the word pattern is read with the u flag: it finds words in any script', () => {
    const { wordPattern } = read('language-configuration.json');
    // VS Code compiles a string pattern without flags, and `\p{…}` then matches nothing useful:
    // no word under the cursor means no completion as you type.
    assert.equal(typeof wordPattern, 'object');
    const words = (text: string) => text.match(new RegExp(wordPattern.pattern, wordPattern.flags)) ?? [];
    assert.deepEqual(words('Kim met Putin, O’Brien and Jean-Marie in 2023 (Ким, 金正恩, Ḥamās).'), [
      'Kim',
      'met',
      'Putin',
      'O’Brien',
      'and',
      'Jean-Marie',
      'in',
      '2023',
      'Ким',
      '金正恩',
      'Ḥamās',
    ]);
  });

  test('in briefings, Enter ends the line even while a suggestion shows; Tab takes it', () => {
    const defaults = read('package.json').contributes.configurationDefaults['[briefing]'];
    assert.equal(defaults['editor.acceptSuggestionOnEnter'], 'off');
    assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
  });

  test('in briefings, typographic quotes, dashes and primes are not boxed as ambiguous; look-alike letters still are', () => {
    const defaults = read('package.json').contributes.configurationDefaults['[briefing]'];
    assert.deepEqual(Object.keys(defaults['editor.unicodeHighlight.allowedCharacters']).sort(), ['‘', '’', '‚', '–', '′', '″', '‹', '›'].sort());
    assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], undefined, 'left on, unlike Markdown: it shows a Cyrillic о in a Latin name');
    assert.equal(defaults['diffEditor.ignoreTrimWhitespace'], false, 'as Markdown: two trailing spaces are a line break');
  });
});

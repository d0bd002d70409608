import * as assert from 'node:assert/strict';
import { TermMatcher } from '../../src/core/match/matcher';

/** Every match as `text@start`. */
function find(matcher: TermMatcher, text: string, excluded: number[] = []): string[] {
  const found: string[] = [];
  matcher.findAll(text, 0, text.length, excluded, (_value, _layer, start, end) => found.push(`${text.slice(start, end)}@${start}`));
  return found;
}

suite('term matcher', () => {
  test('a node with many children, ASCII and not, finds each of them', () => {
    const matcher = new TermMatcher();
    const terms = ['Xa', 'Xb', 'Xc', 'Xd', 'Xe', 'Xf', 'Xg', 'Xh', 'Xé', 'X金', 'Xa b'];
    terms.forEach((term, index) => matcher.add(term, index));
    assert.deepEqual(find(matcher, 'Xh Xé X金 Xa b Xg Xz'), ['Xh@0', 'Xé@3', 'X金@6', 'Xa b@9', 'Xg@14']);
  });

  test('a term whose second character is a space is found, whatever terms with its first letter come after it', () => {
    // Was missed: a later term starting with the same letter turned the two-letter filter back on.
    for (const terms of [
      ['U Thant', 'Un'],
      ['Un', 'U Thant'],
      ['A金', 'Ab'],
      ['Ab', 'A金'],
    ]) {
      const matcher = new TermMatcher();
      terms.forEach((term, index) => matcher.add(term, index));
      assert.deepEqual(find(matcher, `${terms[0]} and ${terms[1]}`).length, 2, terms.join(', '));
    }
  });

  test('terms added after a search are found by the next one', () => {
    const matcher = new TermMatcher();
    matcher.add('Alpha', 0);
    assert.deepEqual(find(matcher, 'Alpha Beta Ωmega'), ['Alpha@0']);
    matcher.add('Beta', 1);
    matcher.add('Ωmega', 2);
    assert.deepEqual(find(matcher, 'Alpha Beta Ωmega'), ['Alpha@0', 'Beta@6', 'Ωmega@11']);
  });

  test('excluded intervals hide the terms inside them, and cut a term that runs into one', () => {
    const matcher = new TermMatcher();
    matcher.add('Kim', 0);
    matcher.add('Kim Jong Un', 1);
    const text = 'Kim `Kim` Kim Jong Un Kim';
    // `Kim` in backticks (4–9) is excluded; the rest are found whole.
    assert.deepEqual(find(matcher, text, [4, 9]), ['Kim@0', 'Kim Jong Un@10', 'Kim@22']);
    // An interval starting inside "Kim Jong Un" leaves the shorter term before it.
    assert.deepEqual(find(matcher, text, [4, 9, 14, 18]), ['Kim@0', 'Kim@10', 'Kim@22']);
  });

  test('many excluded intervals are skipped in one pass', () => {
    const matcher = new TermMatcher();
    matcher.add('Putin', 0);
    const parts: string[] = [];
    const excluded: number[] = [];
    let length = 0;
    for (let i = 0; i < 20_000; i++) {
      excluded.push(length, length + 7);
      parts.push('`code` ');
      length += 7;
    }
    const text = `${parts.join('')}Putin`;
    assert.deepEqual(find(matcher, text, excluded), [`Putin@${length}`]);
  });

  test('thousands of terms sharing prefixes are each found with their value; a copy with changes leaves the original as it was', () => {
    // Enough terms for the transition table to grow many times, and names that run through the
    // tails of earlier ones (Kab → Kab Ra → Kab Ra 3).
    const terms: string[] = [];
    for (const first of ['Ka', 'Kab', 'Ko', 'Жa']) for (let k = 0; k < 1000; k++) terms.push(`${first} ${String.fromCharCode(65 + (k % 26))}${k}`);
    terms.push('Kab', 'Ka A0 B');
    const matcher = new TermMatcher();
    terms.forEach((term, index) => assert.ok(matcher.add(term, index), term));
    terms.forEach((term, index) => assert.equal(matcher.lookup(term), index, term));
    assert.equal(matcher.add('Ka A0', 99), false);

    const text = 'Ka A0 B, Ka\tA0, Kab, Kab B1, Жa L999, Ka A01.';
    const found = (patched: TermMatcher) => {
      const values: number[] = [];
      patched.findAll(text, 0, text.length, [], (value) => values.push(value));
      return values.map((value) => terms[value] ?? value);
    };
    assert.deepEqual(found(matcher), ['Ka A0 B', 'Ka A0', 'Kab', 'Kab B1', 'Жa L999']);

    // Removing the longer term, renumbering one and adding one that ends inside another's tail.
    const patched = matcher.withTerms(
      new Map([
        ['Ka A0 B', -1],
        ['Kab B1', 7],
        ['Ka A01', terms.length],
      ]),
    );
    assert.deepEqual(found(patched), ['Ka A0', 'Ka A0', 'Kab', terms[7], 'Жa L999', terms.length]);
    assert.equal(patched.termCount, matcher.termCount);
    assert.deepEqual(found(matcher), ['Ka A0 B', 'Ka A0', 'Kab', 'Kab B1', 'Жa L999'], 'the original is untouched');
  });

  test("an entity's terms are looked into for one another only when one can start inside another and go on past it", () => {
    const matcher = new TermMatcher();
    // A name, a surname, a title with it, initials: none goes on past another (most entities).
    ['Pavy Uneldr', 'Uneldr', 'General Uneldr', 'P. Uneldr'].forEach((term) => matcher.add(term, 0));
    // "Kim Jong Un" starts inside "Chairman Kim" and goes on past it.
    ['Chairman Kim', 'Kim Jong Un'].forEach((term) => matcher.add(term, 1));
    // A term that goes on past itself ("1 1" in "1 1 1"); one that starts with a term's rest but
    // goes on in the same word, which a match's end (no word character after it) rules out.
    matcher.add('1 1', 2);
    ['Minister Lee', 'Leeds United'].forEach((term) => matcher.add(term, 3));
    assert.deepEqual(
      [0, 1, 2, 3].map((value) => matcher.mayOverlapItself(value)),
      [false, true, true, false],
    );
    assert.deepEqual(find(matcher, 'General Uneldr met Chairman Kim Jong Un; 1 1 1; Minister Lee'), ['General Uneldr@0', 'Chairman Kim Jong Un@19', '1 1 1@41', 'Minister Lee@48']);
  });

  test('lookup finds a term only whole, its rest kept as text or as states', () => {
    // "Ab" and "Cd" keep their rests as text side by side ("bd"): "Abd" is neither.
    const pair = new TermMatcher();
    ['Ab', 'Cd'].forEach((term, index) => pair.add(term, index));
    assert.deepEqual(
      ['Ab', 'Abd', 'A', 'Cd', 'Cdx'].map((term) => pair.lookup(term)),
      [0, -1, -1, 1, -1],
    );
    const matcher = new TermMatcher();
    ['Alpha Beta', 'Alpine'].forEach((term, index) => matcher.add(term, index + 2));
    assert.deepEqual(
      ['Alpha Beta', 'Alpha Bet', 'Alpha Betax', 'Alpha', 'Alpine', 'Alp'].map((term) => matcher.lookup(term)),
      [2, -1, -1, -1, 3, -1],
    );
    // A term through a rest kept as text takes that text away (two terms go through there now): all are still found.
    matcher.add('Alpha', 4);
    assert.deepEqual(
      ['Alpha', 'Alpha Beta', 'Alpine'].map((term) => matcher.lookup(term)),
      [4, 2, 3],
    );
    assert.deepEqual(find(matcher, 'Alpha, Alpha Beta, Alpine, Abd'), ['Alpha@0', 'Alpha Beta@7', 'Alpine@19']);
  });
});

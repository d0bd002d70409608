import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../src/core/text/escape';
import { hoverMarkdown } from '../../src/core/language/hover';
import { entityAt } from '../../src/core/language/lookup';
import { revealLineTarget } from '../../src/features/commandLinks';
import { parseRegistry } from '../../src/core';
import { briefing, parse } from './util';

const URI = 'file:///w/a.briefing';
const revealArgs = (line: number) => encodeURIComponent(JSON.stringify([URI, line]));

suite('hover card', () => {
  test('the exact card of an actor', () => {
    const model = parse(
      briefing(
        [
          'actors:',
          '  - name: Vladimir Putin',
          '    aliases: [Putin, President Putin]',
          '    type: person',
          '    role: President',
          '    affiliation: Russia',
          '    summary: Hosts the summit.',
          '    links: [https://example.org/putin]',
        ],
        'Putin spoke.',
        '- 2023-11-13: Putin meets Kim #summit',
        '- ~2023-11: Putin again',
      ),
    );
    assert.equal(
      hoverMarkdown(model, model.entities[0], URI, revealLineTarget),
      [
        '**Vladimir Putin** · Actor · person',
        '',
        'President · Russia',
        '',
        'Hosts the summit\\.',
        '',
        '*Also:* Putin, President Putin',
        '',
        'Mentioned 3 times in this briefing',
        '',
        '**Events** (2)',
        '',
        `- [2023\\-11\\-13](command:briefing.revealLine?${revealArgs(11)} "Go to line 12") Putin meets Kim \\#summit`,
        `- [\\~2023\\-11](command:briefing.revealLine?${revealArgs(12)} "Go to line 13") Putin again`,
        '',
        '*Links:* [https\\:\\/\\/example\\.org\\/putin](<https://example.org/putin>)',
        '',
        `Defined in [this briefing, line 3](command:briefing.revealLine?${revealArgs(2)} "Go to line 3")`,
      ].join('\n'),
    );
  });

  test('a place shows its country; at most five events, then "and N more"', () => {
    const events = Array.from({ length: 7 }, (_, i) => `- 2023-11-${String(i + 1).padStart(2, '0')}: in Minsk`);
    const model = parse(briefing(['places:', '  - name: Minsk', '    country: Belarus'], ...events));
    const card = hoverMarkdown(model, model.entities[0], URI, revealLineTarget);
    assert.match(card, /^\*\*Minsk\*\* · Place\n\nBelarus\n/);
    assert.equal((card.match(/command:briefing\.revealLine/g) ?? []).length, 6, 'five events and the definition');
    assert.match(card, /\n- and 2 more\n/);
  });

  test('a registry entity says where it is defined', () => {
    const registry = parseRegistry('actors:\n  - name: Putin\n', 'file:///w/shared/team.entities.yaml');
    const model = parse('Putin', { registries: [registry] });
    const card = hoverMarkdown(model, model.entities[0], URI, revealLineTarget);
    assert.ok(
      card.endsWith(
        `Defined in [team\\.entities\\.yaml, line 2](command:briefing.revealLine?${encodeURIComponent(JSON.stringify(['file:///w/shared/team.entities.yaml', 1]))} "Go to line 2")`,
      ),
    );
  });

  test('hovering works on mentions and on the name: of an entry', () => {
    const model = parse(briefing(['actors:', '  - name: Kim'], 'Kim'));
    const text = model.lines.text;
    assert.equal(entityAt(model, text.lastIndexOf('Kim') + 1)?.isDeclaration, false);
    assert.equal(entityAt(model, text.indexOf('Kim') + 3)?.isDeclaration, true);
    assert.equal(entityAt(model, text.indexOf('name')), undefined);
  });
});

suite('escaping of text from files (hostile content)', () => {
  const attacks: [string, string][] = [
    ['[x](command:workbench.action.terminal.new)', 'a command link'],
    ['[click](javascript:alert(1))', 'a javascript: link'],
    ['<img src=x onerror=alert(1)>', 'an HTML image'],
    ['![](http://evil.example/track.png)', 'a Markdown image'],
    ['<a href="command:x">x</a><script>alert(1)</script>', 'HTML'],
    ['`code` ``more``', 'backticks'],
    ['https://evil.example/ and www.evil.example', 'autolinks'],
    ['&#x3C;img src=x&#x3E;', 'HTML entities'],
    ['# heading\n- list\n| table |\n> quote', 'block structure'],
    ['[ref]: command:evil', 'a link reference definition'],
    ['**bold** _it_ ~~strike~~', 'emphasis'],
  ];
  for (const [attack, what] of attacks) {
    test(`${what} stays inert text`, () => {
      const escaped = escapeMarkdown(attack);
      assert.doesNotMatch(escaped, /(?<!\\)[[\]()<>`!*_#|~&:]/, 'every special character is escaped');
      assert.doesNotMatch(escaped, /\n/);
      assert.equal(escaped.replace(/\\(.)/g, '$1'), attack.replace(/\s+/g, ' ').trim(), 'and reads the same once unescaped');
    });
  }

  test('very long text is cut', () => {
    const escaped = escapeMarkdown('x'.repeat(100_000));
    assert.ok(escaped.length <= 500);
    assert.ok(escaped.endsWith('…'));
  });

  test('a hostile briefing yields a card whose only links are ours', () => {
    const hostile = '[x](command:workbench.action.terminal.new) <img src=x> ![](http://evil.example/p.png) `x`';
    const model = parse(
      briefing(
        [
          'actors:',
          `  - name: "Evil [x](command:evil)"`,
          `    role: "${hostile.replace(/"/g, '\\"')}"`,
          `    affiliation: "<script>alert(1)</script>"`,
          `    summary: "${hostile.replace(/"/g, '\\"')} ${'long '.repeat(400)}"`,
          '    aliases: ["![a](javascript:alert(1))"]',
          '    links: ["javascript:alert(1)", "https://ok.example/x", "https://x.example/a)(command:evil"]',
        ],
        '- 2023: Evil [x](command:evil) acts [y](command:evil)',
      ),
    );
    const card = hoverMarkdown(model, model.entities[0], URI, revealLineTarget);
    const targets = [...card.matchAll(/(?<!\\)\]\((<[^>]*>|[^)\s]*)/g)].map((match) => match[1]);
    assert.ok(targets.length >= 2);
    for (const target of targets) {
      assert.ok(target.startsWith('command:briefing.revealLine?') || target === '<https://ok.example/x>', `unexpected link target ${target}`);
    }
    assert.doesNotMatch(card, /(?<!\\)<(?!https:\/\/ok\.example\/x>)/, 'no raw HTML');
    assert.doesNotMatch(card, /(?<!\\)!\[/, 'no image');
    assert.ok(card.length < 4000, 'long text is cut');
  });
});

import * as assert from 'node:assert/strict';
import { exportEvent } from '../../src/core/language/export';
import { briefing, joinLines, KIM_AND_PUTIN, parse } from './util';

const withEntities = (...body: string[]) => parse(briefing(KIM_AND_PUTIN, ...body));
const bodyLine = KIM_AND_PUTIN.length + 2; // the first body line, 0-based
/** Mentions as `line:text`, the line counted from the body's first. */
const mentionsOf = (...body: string[]) => withEntities(...body).mentions.map((m) => `${m.range.start.line - bodyLine}:${m.text}`);
const eventsOf = (...body: string[]) => withEntities(...body).events.map((e) => `${exportEvent(e).line - bodyLine - 1}:${e.text}`);

suite('the body read as CommonMark 0.31.2', () => {
  suite('a fence right after a list marker', () => {
    test('is a fence: what follows its close is read, mentions and events alike', () => {
      for (const marker of ['- ', '1. ', '* ']) {
        const indent = ' '.repeat(marker.length);
        const body = [`${marker}\`\`\``, `${indent}Kim`, `${indent} \`\`\``, '- 2023-11-13: Putin meets Kim', 'Kim again', '', 'Vladivostok'];
        assert.deepEqual(mentionsOf(...body), ['3:Putin', '3:Kim', '4:Kim', '6:Vladivostok'], marker);
        assert.deepEqual(eventsOf(...body), ['3:Putin meets Kim Kim again'], marker);
      }
    });

    test('left open, it ends where its list item ends, not at the end of the file', () => {
      assert.deepEqual(mentionsOf('- ```', '  Kim', 'Putin', '', '- 2023: Kim'), ['2:Putin', '4:Kim']);
      assert.deepEqual(mentionsOf('> ```', '> Kim', 'Putin'), ['2:Putin']);
      assert.deepEqual(mentionsOf('- > ~~~', '  > Kim', '  Putin'), ['2:Putin']);
    });

    test('at the top level, left open, it runs to the end of the file', () => {
      assert.deepEqual(mentionsOf('Kim', '```', 'Putin', '', '- 2023: Kim'), ['0:Kim']);
    });
  });

  test('indented code is not prose; an indented line in a paragraph is', () => {
    assert.deepEqual(mentionsOf('Kim said', '    Putin', '', '    Vladivostok', '', '- item', '', '      Kim in code', '  Putin in the item'), ['0:Kim', '1:Putin', '8:Putin']);
  });

  test('HTML blocks of all seven kinds are not prose', () => {
    assert.deepEqual(
      mentionsOf(
        '<!-- Kim -->',
        '',
        '<!--',
        'Kim',
        '-->',
        '<script>',
        'Kim',
        '</script>',
        '<pre>',
        'Putin',
        '</pre>',
        '<?php Kim ?>',
        '<!DOCTYPE Kim>',
        '<![CDATA[',
        'Kim',
        ']]>',
        '<div class="Kim">',
        'Putin',
        '',
        '<custom-tag data-x="Kim">',
        'Putin',
        '',
        'Vladivostok',
      ),
      ['22:Vladivostok'],
    );
  });

  test('a complete tag alone on its line starts no HTML block inside a paragraph', () => {
    assert.deepEqual(mentionsOf('Kim', '<span>', 'Putin'), ['0:Kim', '2:Putin']);
  });

  test('inline HTML, tags with their attributes and comments, is not prose; the text between tags is', () => {
    assert.deepEqual(mentionsOf('Kim <span title="Putin" data-x=\'Kim\'>Vladivostok</span> <!-- Putin --> and <?x Kim ?> Putin'), ['0:Kim', '0:Vladivostok', '0:Putin']);
  });

  test('autolinks of every kind and bare URLs are not prose', () => {
    assert.deepEqual(mentionsOf('<https://x.org/Kim> <Kim@example.org> <irc:Putin> https://x.org/Putin www.Kim.org mailto:Kim@x.org Vladivostok'), ['0:Vladivostok']);
  });

  test('link destinations and titles are not prose; link text is', () => {
    assert.deepEqual(mentionsOf('[Kim](https://x.org/Putin "Vladivostok") [Putin](<a b/Kim> (Kim))'), ['0:Kim', '0:Putin']);
  });

  test('a link reference definition is not prose, its label, destination and title alike; nor the label of [text][label]', () => {
    assert.deepEqual(
      mentionsOf('[Kim][Putin], [Vladivostok][], [Putin] and [Kim][nowhere]', '', '[Putin]: https://x.org/Kim "Vladivostok"', '[Vladivostok]:', '  /url', "  'Kim'"),
      ['0:Kim', '0:Vladivostok', '0:Putin', '0:Kim'],
    );
  });

  test('as the preview has it, a `(` that opens no link leaves the link to a `[label]` after it', () => {
    assert.deepEqual(mentionsOf('[Kim](<Putin>x[Vladivostok] Kim', '', '[Vladivostok]: /url'), ['0:Kim', '0:Kim']);
  });

  test('image descriptions are prose; their sources and titles are not', () => {
    assert.deepEqual(mentionsOf('![Kim in Vladivostok](Putin.png "Putin")'), ['0:Kim', '0:Vladivostok']);
  });

  test('where CommonMark reads no link (an escaped bracket, unbalanced brackets), the text is prose', () => {
    assert.deepEqual(mentionsOf('\\[Kim](Putin) [Kim](Putin [Vladivostok]'), ['0:Kim', '0:Putin', '0:Kim', '0:Putin', '0:Vladivostok']);
  });

  test('what starts first wins: a code span over a link, a tag over a code span', () => {
    assert.deepEqual(mentionsOf('[Kim `](Putin)` <a title="`">Vladivostok</a>` `<b>` Putin'), ['0:Kim', '0:Vladivostok', '0:Putin']);
  });

  test('no citation, tag, portion mark or estimative term is read where there is no prose', () => {
    const model = parse(
      briefing(
        ['classification: UNCLASSIFIED'],
        '<!-- (S) likely [S1] #secret -->',
        '',
        '[S9]: https://x.org/#tag',
        '',
        '- 2023-11-13: met <span title="#hidden [S2]">#summit</span>',
      ),
    );
    assert.deepEqual(model.citations, []);
    assert.deepEqual(
      model.diagnostics.map((d) => d.code),
      [],
    );
    assert.deepEqual(
      model.events.map((e) => e.tags),
      [['summit']],
    );
  });

  suite('events', () => {
    test('in any container: block quotes, nested lists, an item that starts on its second line', () => {
      assert.deepEqual(eventsOf('> - 2023: quoted', '>   on', '- item', '  1. 2024: nested', '-', '  2025: second line'), ['0:quoted on', '3:nested', '4:second line']);
    });

    test("the item's paragraph is its text, lazy continuation lines included; what follows a blank line is not", () => {
      assert.deepEqual(eventsOf('- 2023: first', 'lazy line', '  indented', '', '  later paragraph'), ['0:first lazy line indented']);
    });

    test('never in code or HTML; an item that starts with a fence or a heading is no event', () => {
      assert.deepEqual(eventsOf('```', '- 2023: code', '```', '<div>', '- 2023: html', '</div>', '', '- ```', '  2023: x', '  ```', '- # 2023: heading'), []);
    });

    test('a list marker indented four columns is code, or a lazy line', () => {
      assert.deepEqual(eventsOf('    - 2023: code', '', '- 2023: item', '    - 2024: nested'), ['2:item', '3:nested']);
    });
  });

  suite('sections', () => {
    test("setext headings, over one line or more; the front matter's closing `---` is no underline", () => {
      const model = parse(joinLines('---', 'title: x', '---', 'Summit in', 'Vladivostok', '===', '', 'Talks', '---', '', '- a', '---'));
      assert.deepEqual(
        model.sections.map((s) => [s.level, s.title, s.headingRange.start.line]),
        [
          [1, 'Summit in Vladivostok', 3],
          [2, 'Talks', 7],
        ],
      );
    });

    test('ATX headings inside block quotes and list items; none in code or HTML', () => {
      const model = parse(joinLines('> # Quoted', '- ## Listed', '<div>', '# html', '</div>', '', '    # code'));
      assert.deepEqual(
        model.sections.map((s) => s.title),
        ['Quoted', 'Listed'],
      );
    });
  });

  test('a source listed as a valid definition, [S1]: URL "title", is an entry; its citations are links', () => {
    const model = parse(joinLines('Kim left [S1].', '', '[S1]: https://reuters.com "Reuters, 2023-11-13"'));
    assert.deepEqual(
      model.sources.map((s) => [s.id, s.text]),
      [['S1', 'https://reuters.com "Reuters, 2023-11-13"']],
    );
    assert.deepEqual(
      model.citations.map((c) => c.source?.id),
      ['S1'],
    );
    assert.deepEqual(model.diagnostics, []);
  });

  test('nesting deeper than the preview shows is read as no prose, without error', () => {
    const deep = withEntities(`${'>'.repeat(150)} Kim`, '', 'Putin');
    assert.deepEqual(
      deep.mentions.map((m) => m.text),
      ['Putin'],
    );
    assert.deepEqual(deep.diagnostics, []);
  });
});

import * as assert from 'node:assert/strict';
import { parseRegistry, type Briefing } from '../../src/core';
import { entityAt } from '../../src/core/language/lookup';
import { encodeSemanticTokens } from '../../src/core/language/semanticTokens';
import { briefing, KIM_AND_PUTIN, parse } from './util';

const BODY = ['Kim met Putin in Vladivostok.', '', 'Later Kim Jong Un and Putin spoke; Kim left.'];

suite('mention table', () => {
  test('a mention is one object, whether reached from the briefing, its entity or a position', () => {
    const byEntityFirst = parse(briefing(KIM_AND_PUTIN, ...BODY));
    const kim = byEntityFirst.entities.find((entity) => entity.name === 'Kim Jong Un')!;
    const kimMentions = kim.mentions;
    assert.deepEqual(
      kimMentions.map((mention) => mention.text),
      ['Kim', 'Kim Jong Un', 'Kim'],
    );
    assert.deepEqual(
      kimMentions.map((mention) => byEntityFirst.mentions.indexOf(mention)),
      [0, 3, 5],
    );
    assert.equal(entityAt(byEntityFirst, kimMentions[1].range.startOffset)!.mention, kimMentions[1]);
    assert.equal(kim.mentions, kimMentions, 'the list is made once');

    const byBriefingFirst = parse(briefing(KIM_AND_PUTIN, ...BODY));
    const all = byBriefingFirst.mentions;
    assert.equal(byBriefingFirst.mentions, all);
    assert.deepEqual(
      byBriefingFirst.entities.map((entity) => entity.mentions.every((mention) => all.includes(mention) && mention.entity === entity)),
      byBriefingFirst.entities.map(() => true),
    );
  });

  test('every mention belongs to its entity, in document order; an entity never mentioned has none', () => {
    const model = parse(briefing(KIM_AND_PUTIN, 'Putin only.'));
    const counts = Object.fromEntries(model.entities.map((entity) => [entity.name, entity.mentions.length]));
    assert.equal(counts['Vladimir Putin'], 1);
    assert.equal(counts['Kim Jong Un'], 0);
    assert.equal(model.mentions.length, 1);
  });

  test("each entity's mentions are those of the briefing that are its own, for a few entities and for many", () => {
    const names = Array.from({ length: 12 }, (_, k) => `Actor${String.fromCharCode(65 + k)}`);
    const front = ['actors:', ...names.map((name) => `  - name: ${name}`)];
    const body = names.map((name, k) => names.slice(0, k + 1).join(' and ') + ` met ${name}.`);
    const model = parse(briefing(front, ...body));
    // The first entities asked for are found one by one; past a few, the table is grouped once.
    for (const entity of model.entities) {
      assert.deepEqual(
        entity.mentions,
        model.mentions.filter((mention) => mention.entity === entity),
        entity.name,
      );
    }
    assert.deepEqual(
      model.entities.map((entity) => entity.mentions.length),
      names.map((_, k) => 12 - k + 1),
    );
  });

  test('registry entities get their mentions too, and only the mentioned ones join the model', () => {
    const registry = parseRegistry(['actors:', '  - name: Sergei Shoigu', '    aliases: [Shoigu]', '  - name: Nobody Here'].join('\n'), 'file:///w/entities.yaml');
    const model = parse(briefing(KIM_AND_PUTIN, 'Shoigu and Kim; Sergei Shoigu.'), { registries: [registry] });
    const shoigu = model.entities.find((entity) => entity.name === 'Sergei Shoigu')!;
    assert.deepEqual(
      shoigu.mentions.map((mention) => mention.text),
      ['Shoigu', 'Sergei Shoigu'],
    );
    assert.equal(
      model.entities.some((entity) => entity.name === 'Nobody Here'),
      false,
    );
  });

  test('a briefing object made elsewhere (not by the parser) gets the same semantic tokens', () => {
    const model = parse(briefing(KIM_AND_PUTIN, ...BODY));
    const copy: Briefing = { ...model, mentions: model.mentions, entities: model.entities };
    assert.deepEqual([...encodeSemanticTokens(copy)], [...encodeSemanticTokens(model)]);
    assert.equal(entityAt(copy, model.mentions[2].range.startOffset + 1)?.entity, model.mentions[2].entity);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './util';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; key: string; when?: string }[];
    walkthroughs: { steps: { id: string; description: string }[] }[];
  };
}

suite('the timeline in package.json: where a user finds it', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const { commands, menus, keybindings, walkthroughs } = manifest.contributes;

  test('its commands, named as the palette shows them', () => {
    const titles = Object.fromEntries(commands.map(({ command, title }) => [command, title]));
    assert.equal(titles['briefing.timeline.show'], 'Show Timeline');
    assert.equal(titles['briefing.timeline.exportSvg'], 'Export Timeline as SVG…');
    assert.equal(titles['briefing.timeline.exportPng'], 'Export Timeline as PNG…');
    assert.equal(titles['briefing.timeline.setWindow'], 'Set Timeline Window…');
  });

  test("a briefing's title bar, the Events view's, the panel's own, and a key", () => {
    const editorTitle = menus['editor/title'];
    assert.ok(editorTitle.some(({ command, when }) => command === 'briefing.timeline.show' && when === 'editorLangId == briefing'));
    assert.ok(editorTitle.some(({ command, when }) => command === 'briefing.timeline.exportSvg' && when === "activeWebviewPanelId == 'briefing.timeline'"));
    assert.ok(editorTitle.some(({ command, when }) => command === 'briefing.timeline.exportPng' && when === "activeWebviewPanelId == 'briefing.timeline'"));
    assert.ok(editorTitle.some(({ command, when }) => command === 'briefing.timeline.setWindow' && when === "activeWebviewPanelId == 'briefing.timeline'"));
    assert.ok(menus['view/title'].some(({ command, when }) => command === 'briefing.timeline.show' && when === 'view == briefing.events'));
    assert.ok(keybindings.some(({ command, key }) => command === 'briefing.timeline.show' && key === 'ctrl+k t'));
  });

  test('restored after a reload: the serializer activates the extension', () => {
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:briefing.timeline'));
    assert.ok(!manifest.activationEvents.some((event) => event === '*' || event === 'onStartupFinished'));
  });

  test('the walkthrough has a step "See the timeline"', () => {
    const step = walkthroughs[0].steps.find(({ id }) => id === 'timeline');
    assert.ok(step);
    assert.match(step.description, /command:briefing\.timeline\.show/);
  });
});

suite('the link chart in package.json: where a user finds it', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const { commands, menus, walkthroughs } = manifest.contributes;

  test("its command, in a briefing's title bar and the Actors view's; restored after a reload; a walkthrough step", () => {
    assert.equal(commands.find(({ command }) => command === 'briefing.linkChart.show')?.title, 'Show Link Chart');
    assert.ok(menus['editor/title'].some(({ command, when }) => command === 'briefing.linkChart.show' && when === 'editorLangId == briefing'));
    assert.ok(menus['view/title'].some(({ command, when }) => command === 'briefing.linkChart.show' && when === 'view == briefing.actors'));
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:briefing.linkChart'));
    assert.match(walkthroughs[0].steps.find(({ id }) => id === 'linkChart')?.description ?? '', /command:briefing\.linkChart\.show/);
  });
});

suite('the map in package.json: where a user finds it', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const { commands, menus, walkthroughs } = manifest.contributes;

  test("its command, in a briefing's title bar and the Actors view's; its exports above it; restored after a reload; a walkthrough step", () => {
    assert.equal(commands.find(({ command }) => command === 'briefing.map.show')?.title, 'Show Map');
    assert.ok(menus['editor/title'].some(({ command, when }) => command === 'briefing.map.show' && when === 'editorLangId == briefing'));
    assert.ok(menus['view/title'].some(({ command, when }) => command === 'briefing.map.show' && when === 'view == briefing.actors'));
    for (const format of ['Svg', 'Png'])
      assert.ok(menus['editor/title'].some(({ command, when }) => command === `briefing.map.export${format}` && when === "activeWebviewPanelId == 'briefing.map'"));
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:briefing.map'));
    assert.match(walkthroughs[0].steps.find(({ id }) => id === 'map')?.description ?? '', /command:briefing\.map\.show/);
  });
});

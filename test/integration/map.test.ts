import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MapToWebview } from '../../src/core';
import { activateExtension, openSample, positionOf, sampleUri, waitFor } from './helpers';

type Api = Awaited<ReturnType<typeof activateExtension>>;
type Data = Extract<MapToWebview, { type: 'data' }>;

suite('the map panel', () => {
  let api: Api;
  /** Every message the extension posted to the panel's page, newest last. */
  const posted: MapToWebview[] = [];
  const lastData = () => posted.filter((message): message is Data => message.type === 'data').at(-1);
  const map = () => api.views.map.current!;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.ready;
    await vscode.commands.executeCommand('briefing.events.clearFilter');
  });
  suiteTeardown(async () => {
    api.views.map.current?.panel?.dispose();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("Show Map opens a panel beside the editor, with a strict policy, fed with where the briefing's places are", async () => {
    await openSample();
    await vscode.commands.executeCommand('briefing.map.show');
    const panel = await waitFor('the panel', () => api.views.map.current?.panel);
    assert.equal(panel.viewType, 'briefing.map');
    const { html, options } = panel.webview;
    assert.equal(options.enableScripts, true);
    const policy = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(html, /<script nonce="[0-9a-f]{32}" src="[^"]+\/dist\/webview\/map\.js"/);
    assert.doesNotMatch(policy.replaceAll(panel.webview.cspSource, ''), /unsafe|https?:|\*/);
    const post = panel.webview.postMessage.bind(panel.webview);
    panel.webview.postMessage = (message: MapToWebview) => {
      posted.push(message);
      return post(message);
    };
    await map().receive({ type: 'ready' });
    const data = await waitFor('the data posted', () => lastData());
    assert.equal(data.title, 'vladivostok-summit.briefing');
    assert.deepEqual(
      data.map.points.map((point) => [point.name, point.coordinates]),
      [['Vladivostok', [43.1155, 131.8855]]],
    );
    assert.deepEqual(data.map.regions.map((region) => region.name).sort(), ['China', 'Japan', 'North Korea', 'Russia', 'South Korea', 'Ukraine', 'United States']);
    assert.deepEqual(data.map.unlocated, ['East Asia']);
  });

  test('a country chosen in the page selects its entity in the Actors view and the editor; the cursor on a place selects it', async () => {
    await map().receive({ type: 'open', id: 'place:Vladivostok' });
    const editor = await waitFor('the entry selected', () => {
      const shown = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === sampleUri().toString());
      return shown && shown.document.getText(shown.selection) === 'Vladivostok' ? shown : undefined;
    });
    await waitFor('Vladivostok selected in the Actors view', () => {
      const [row] = api.views.actors.treeView.selection;
      return row?.type === 'entity' && row.entity.name === 'Vladivostok' ? true : undefined;
    });
    const at = positionOf(editor.document, 'the war in Ukraine', 0, 12);
    editor.selection = new vscode.Selection(at, at);
    await waitFor('Ukraine selected', () => posted.find((message) => message.type === 'select' && message.id === 'place:Ukraine'));
  });

  test("the Events view's filter is the map's: only the places of the events it keeps", async () => {
    await openSample();
    const before = posted.length;
    await vscode.commands.executeCommand('briefing.events.filter', { tag: 'sanctions' });
    const filtered = await waitFor('the filtered map', () => {
      const data = posted
        .slice(before)
        .filter((message): message is Data => message.type === 'data')
        .at(-1);
      return data?.title.includes('filter') ? data : undefined;
    });
    assert.deepEqual(filtered.map.regions.map((region) => region.name).sort(), ['North Korea', 'Russia']);
    assert.deepEqual(filtered.map.points, []);
    await vscode.commands.executeCommand('briefing.events.clearFilter');
  });
});

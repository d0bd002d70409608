import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MapToWebview } from '../../src/core';
import { activateExtension, carriedMessages, inWebExtensionHost, openSample, positionOf, sampleUri, untitledBriefing, waitFor } from './helpers';

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
    // Its page is made with the sample's map, which it draws without asking; a page that drew it
    // is sent nothing more, one that did not (a test's "ready") everything.
    const [window, first] = carriedMessages<MapToWebview>(html);
    assert.equal(window?.type, 'window');
    assert.ok(first?.type === 'data' && first.title === 'vladivostok-summit.briefing' && first.map.points.length === 1, JSON.stringify(first).slice(0, 200));
    const posts = map().postCount;
    await map().receive({ type: 'ready', carried: true });
    assert.equal(map().postCount, posts, 'no data posted');
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

  test("the data carries each event's days, for the page to keep to the timeline's window", async () => {
    await openSample();
    const data = await waitFor('the data posted', () => lastData());
    const russia = data.map.regions.find((region) => region.name === 'Russia')!;
    assert.ok(russia.events.length > 0 && russia.events.every((at) => data.days[at] !== undefined));
    assert.ok(
      russia.events.some((at) => data.days[at]?.[0].startsWith('2023-11')),
      JSON.stringify(data.days),
    );
    assert.equal(russia.undated, false);
  });

  test("the timeline's window comes to the map while the timeline is open; keeping to it, chosen on the map, is the chart's choice too", async () => {
    await openSample();
    await vscode.commands.executeCommand('briefing.timeline.show');
    const timeline = await waitFor('the timeline', () => api.views.timeline.current);
    const before = posted.length;
    await timeline.receive({ type: 'window', start: Date.UTC(2023, 10, 1), end: Date.UTC(2023, 10, 30) });
    // The map shown again (the timeline may have covered it): its page, or the change, brings the window.
    await vscode.commands.executeCommand('briefing.map.show');
    // The web test's VS Code cannot load a webview's page offline: the test asks as the page would.
    if (inWebExtensionHost) {
      await waitFor('the map shown', () => (map().panel?.visible ? true : undefined));
      await map().receive({ type: 'ready' });
    }
    await waitFor('the window posted', () => posted.slice(before).find((message) => message.type === 'window' && message.window?.start === Date.UTC(2023, 10, 1)));
    const choosing = posted.length;
    await map().receive({ type: 'windowOptions', applied: true, undated: true });
    await waitFor('the choice posted back', () => posted.slice(choosing).find((message) => message.type === 'window' && message.applied && message.undated));
    // The chart opened now gets the choice made on the map.
    await vscode.commands.executeCommand('briefing.linkChart.show');
    const chart = await waitFor('the chart', () => api.views.linkChart.current?.panel);
    const chartPosted: unknown[] = [];
    const post = chart.webview.postMessage.bind(chart.webview);
    chart.webview.postMessage = (message: unknown) => {
      chartPosted.push(message);
      return post(message);
    };
    await api.views.linkChart.current!.receive({ type: 'ready' });
    await waitFor("the chart's window", () =>
      chartPosted.find((message) => (message as { type: string; applied?: boolean }).type === 'window' && (message as { applied?: boolean }).applied === true),
    );
    await map().receive({ type: 'windowOptions', applied: false, undated: false });
    chart.dispose();
    timeline.panel?.dispose();
  });

  test("the event on the cursor's line draws its places as a path, in their order; another line without an event, none", async () => {
    const editor = await untitledBriefing(
      [
        '---',
        'places:',
        '  - name: Pyongyang',
        '    coordinates: [39.03, 125.75]',
        '  - name: Vladivostok',
        '    coordinates: [43.12, 131.89]',
        '---',
        '',
        '- 2023-09-12: The train leaves Pyongyang for Vladivostok.',
        '',
        'Prose.',
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('briefing.map.show');
    const before = posted.length;
    const onEvent = positionOf(editor.document, 'The train', 0, 4);
    editor.selection = new vscode.Selection(onEvent, onEvent);
    const path = await waitFor('the path', () => posted.slice(before).find((message) => message.type === 'path' && message.ids.length > 0));
    assert.deepEqual(path.type === 'path' && path.ids, ['place:Pyongyang', 'place:Vladivostok']);
    const leaving = posted.length;
    const onProse = positionOf(editor.document, 'Prose', 0, 2);
    editor.selection = new vscode.Selection(onProse, onProse);
    await waitFor('no path', () => posted.slice(leaving).find((message) => message.type === 'path' && message.ids.length === 0));
    // A page that has just loaded may have got a path posted as it loaded: it is told the cursor's, none too.
    const reloaded = posted.length;
    await map().receive({ type: 'ready' });
    await waitFor('no path, told the page loaded again', () => posted.slice(reloaded).find((message) => message.type === 'path' && message.ids.length === 0));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a place chosen on the map is selected in the chart, and a node chosen in the chart on the map (once shown)', async () => {
    await openSample();
    await vscode.commands.executeCommand('briefing.map.show');
    await vscode.commands.executeCommand('briefing.linkChart.show');
    const chart = await waitFor('the chart', () => api.views.linkChart.current?.panel);
    const chartPosted: { type: string; id?: string; selected?: string }[] = [];
    const post = chart.webview.postMessage.bind(chart.webview);
    chart.webview.postMessage = (message: { type: string }) => {
      chartPosted.push(message);
      return post(message);
    };
    if (inWebExtensionHost) await api.views.linkChart.current!.receive({ type: 'ready' });
    await waitFor('the chart shown', () => (chart.visible ? true : undefined));
    await map().receive({ type: 'open', id: 'place:Ukraine' });
    await waitFor('Ukraine selected in the chart', () => chartPosted.find((message) => message.type === 'select' && message.id === 'place:Ukraine'));
    // The map, behind the chart, remembers what the chart chose, and shows it when shown.
    await api.views.linkChart.current!.receive({ type: 'open', id: 'actor:China' });
    await waitFor('China in the editor', () => (vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === 'China' ? true : undefined));
    const before = posted.length;
    await vscode.commands.executeCommand('briefing.map.show');
    if (inWebExtensionHost) {
      await waitFor('the map shown', () => (map().panel?.visible ? true : undefined));
      await map().receive({ type: 'ready' });
    }
    // With the data (a page that has nothing), or alone (the real page, which has the data it was made with).
    await waitFor('China selected on the map', () =>
      posted.slice(before).find((message) => (message.type === 'data' && message.selected === 'actor:China') || (message.type === 'select' && message.id === 'actor:China')),
    );
    chart.dispose();
  });
});

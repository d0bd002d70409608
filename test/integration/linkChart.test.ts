import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EventDays, GraphEdge, GraphNode, LinkChartToWebview, LinkGraph } from '../../src/core';
import { activateExtension, carriedMessages, inWebExtensionHost, openSample, positionOf, sampleUri, untitledBriefing, waitFor } from './helpers';

type Api = Awaited<ReturnType<typeof activateExtension>>;
type Data = Extract<LinkChartToWebview, { type: 'data' }>;

suite('the link chart panel', () => {
  let api: Api;
  /** Every message the extension posted to the panel's page, newest last. */
  const posted: LinkChartToWebview[] = [];
  const lastData = () => posted.filter((message): message is Data => message.type === 'data').at(-1);
  /** What the page has: the data posted since the last that replaced everything, taken in as the page does. */
  const pageGraph = () => {
    const data = posted.filter((message): message is Data => message.type === 'data');
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    let days: readonly EventDays[] = [];
    const since = data.map((message) => message.replace).lastIndexOf(true);
    for (const message of data.slice(Math.max(0, since))) {
      for (const id of message.removed) [nodes, edges].forEach((items) => items.delete(id));
      message.nodes.forEach((node) => nodes.set(node.id, node));
      message.edges.forEach((edge) => edges.set(edge.id, edge));
      days = message.days ?? days;
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], days };
  };
  const chart = () => api.views.linkChart.current!;
  /** The sample's chart, as first posted. */
  let sampleGraph: ReturnType<typeof pageGraph>;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.ready;
  });
  suiteTeardown(async () => {
    api.views.linkChart.current?.panel?.dispose();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("Show Link Chart opens a panel beside the editor, with a strict policy, fed with the briefing's graph", async () => {
    await openSample();
    await vscode.commands.executeCommand('briefing.linkChart.show');
    const panel = await waitFor('the panel', () => api.views.linkChart.current?.panel);
    assert.equal(panel.viewType, 'briefing.linkChart');
    const { html, options } = panel.webview;
    assert.equal(options.enableScripts, true);
    const policy = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /'nonce-([0-9a-f]{32})'/.exec(policy)?.[1];
    assert.ok(nonce, policy);
    assert.match(html, new RegExp(`<script nonce="${nonce}" src="[^"]+/dist/webview/linkChart\\.js"`));
    assert.doesNotMatch(policy.replaceAll(panel.webview.cspSource, ''), /unsafe|https?:|\*/);
    const post = panel.webview.postMessage.bind(panel.webview);
    panel.webview.postMessage = (message: LinkChartToWebview) => {
      posted.push(message);
      return post(message);
    };
    // Its page is made with the sample's chart, which it draws without asking: the messages'
    // JSON in base64, nothing HTML reads.
    const [window, first] = carriedMessages<LinkChartToWebview>(html);
    assert.equal(window?.type, 'window');
    assert.ok(first.type === 'data' && first.replace && first.title === 'vladivostok-summit.briefing', JSON.stringify(first).slice(0, 200));
    assert.ok(first.nodes.some((node) => node.name === 'Kim Jong Un'));
    // A page that drew them has the chart: nothing more is posted.
    const updates = chart().updateCount;
    await chart().receive({ type: 'ready', carried: true });
    assert.equal(chart().updateCount, updates + 1, 'the graph made again');
    assert.equal(lastData(), undefined, 'no data posted');
    // A page that did not (a test's "ready") gets everything.
    await chart().receive({ type: 'ready' });
    const data = await waitFor('the data posted', () => lastData());
    assert.equal(data.title, 'vladivostok-summit.briefing');
    assert.equal(data.replace, true, 'a page that has just loaded gets everything');
    const graph = pageGraph();
    const names = graph.nodes.map((node) => node.name);
    for (const name of ['Kim Jong Un', 'Vladimir Putin', 'Vladivostok']) assert.ok(names.includes(name), names.join(', '));
    // Kim Jong Un and Vladimir Putin share the Vladivostok meeting, which ties each of them to the city.
    const tie = (a: string, b: string) => graph.edges.find((edge) => edge.kind === 'events' && [edge.from, edge.to].sort().join() === [a, b].sort().join());
    const shared = tie('actor:Kim Jong Un', 'actor:Vladimir Putin');
    assert.ok(shared && shared.kind === 'events' && shared.weight === 3, JSON.stringify(graph.edges.slice(0, 5)));
    for (const leader of ['actor:Kim Jong Un', 'actor:Vladimir Putin']) {
      const toCity = tie(leader, 'place:Vladivostok');
      assert.ok(toCity && toCity.kind === 'events' && toCity.weight === 1 && shared.events.includes(toCity.events[0]), `${leader} and Vladivostok`);
    }
    assert.ok(
      shared.events.every((at) => graph.days[at]?.[0].startsWith('2023-11')),
      'each event of an edge has its days, by its place',
    );
    // Their words, when the page shows the edge's tooltip.
    const before = posted.length;
    await chart().receive({ type: 'describe', request: 7, events: shared.events });
    const described = await waitFor('the events described', () => posted.slice(before).find((message) => message.type === 'described' && message.request === 7));
    assert.ok(described.type === 'described' && described.labels.some((label) => /^2023-11-13 Kim Jong Un is reported set to travel/.test(label)), JSON.stringify(described));
    assert.deepEqual(JSON.parse(JSON.stringify(graph)), graph, 'plain data');
    sampleGraph = graph;
  });

  test('a node chosen in the page selects its entity in the Actors view and its entry in the editor; the cursor on a mention selects its node', async () => {
    await chart().receive({ type: 'open', id: 'actor:Vladimir Putin' });
    const editor = await waitFor('the entry selected', () => {
      const shown = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === sampleUri().toString());
      return shown && shown.document.getText(shown.selection) === 'Vladimir Putin' ? shown : undefined;
    });
    await waitFor('Vladimir Putin selected in the Actors view', () => {
      const [row] = api.views.actors.treeView.selection;
      return row?.type === 'entity' && row.entity.name === 'Vladimir Putin' ? true : undefined;
    });
    assert.notEqual(editor.viewColumn, chart().panel!.viewColumn, 'not in the chart’s column');
    const at = positionOf(editor.document, 'Kim Jong Un is set to travel', 0, 2);
    editor.selection = new vscode.Selection(at, at);
    await waitFor('the node selected', () => posted.find((message) => message.type === 'select' && message.id === 'actor:Kim Jong Un'));
  });

  test('a relation typed in the front matter comes as an arrow, after the pause; typing that changes no tie posts nothing', async () => {
    const editor = await untitledBriefing('---\nactors:\n  - name: Kim Jong Un\n  - name: Vladimir Putin\n---\nKim Jong Un met Vladimir Putin.\n');
    const arrow = () => pageGraph().edges.find((edge) => edge.kind === 'relation' && edge.type === 'meets');
    await waitFor('the untitled briefing drawn', () => (lastData()?.replace && pageGraph().nodes.length === 2 ? true : undefined));
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), '    relations: [{ to: Vladimir Putin, type: meets }]\n'));
    const relation = await waitFor('the arrow', arrow);
    const added = lastData()!;
    assert.equal(added.replace, false, 'an edit sends what it changed');
    assert.deepEqual(
      added.edges.map((edge) => edge.id),
      [relation.id],
      'the arrow alone',
    );
    const relationGraph = pageGraph();
    assert.equal(relation.from, 'actor:Kim Jong Un');
    assert.equal(relation.to, 'actor:Vladimir Putin');
    // The page loaded again (VS Code loads a page again when it is shown again): it has what its
    // HTML carried, the sample's chart, so it gets this briefing's whole.
    const reloaded = posted.length;
    await chart().receive({ type: 'ready', carried: true });
    const again = posted.slice(reloaded).find((message): message is Data => message.type === 'data');
    assert.ok(again?.replace, 'everything, in place of the sample');
    assert.deepEqual(pageGraph(), relationGraph);
    // A page that loads again (the panel hidden by the new editor, then shown) is sent the whole
    // graph, by its "ready" or by the edit's update that overtakes it: those posts are not the edit's.
    let reloads = 0;
    const receive = chart().receive.bind(chart());
    chart().receive = async (message) => {
      if (message.type === 'ready') reloads++;
      await receive(message);
    };
    const since = posted.length;
    const updates = chart().updateCount;
    await editor.edit((edit) => edit.insert(new vscode.Position(6, 0), 'More prose.\n'));
    await waitFor('the graph made again after the pause', () => (chart().updateCount > updates ? true : undefined));
    const sent = posted.slice(since).filter((message): message is Data => message.type === 'data');
    assert.deepEqual(
      sent.filter((message) => !message.replace || reloads === 0),
      [],
      'the same graph is not posted again',
    );
    assert.deepEqual(pageGraph(), relationGraph, 'the graph the page has is the one with the arrow');
    // A mention more: that node alone is sent.
    const before = posted.length;
    await editor.edit((edit) => edit.insert(new vscode.Position(7, 0), 'Kim Jong Un again.\n'));
    // The edit's data, not a page that loaded again meanwhile (it gets every node).
    const counted = await waitFor('the count sent', () =>
      posted.slice(before).find((message): message is Data => message.type === 'data' && !message.replace && message.nodes.length > 0),
    );
    assert.deepEqual(
      counted.nodes.map((node) => `${node.name} ×${node.mentions}`),
      ['Kim Jong Un ×2'],
    );
    assert.deepEqual([counted.edges.length, counted.removed.length, counted.days], [0, 0, undefined]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test("the Events view's filter and scope are the chart's: a filter keeps the entities of its events, every briefing merges them", async () => {
    await openSample();
    const before = posted.length;
    await vscode.commands.executeCommand('briefing.events.filter', { actor: 'Kim Jong Un' });
    const filtered = await waitFor('the filtered chart', () => (posted.length > before && lastData()?.title.includes('filter') ? lastData() : undefined));
    assert.match(filtered.title, /^vladivostok-summit\.briefing · filter: actor Kim Jong Un$/);
    const kept = pageGraph();
    assert.ok(kept.nodes.length > 1, 'Kim Jong Un and those he meets');
    assert.ok(kept.nodes.length < sampleGraph.nodes.length, 'not every entity');
    for (const node of kept.nodes) assert.ok(node.events.length > 0, `${node.name} takes part in an event the filter keeps`);
    const everything = (await api.views.events.shownEvents()).total;
    assert.ok(kept.days.length < everything, 'only the events the filter keeps');
    await vscode.commands.executeCommand('briefing.events.clearFilter');
    await waitFor('the filter cleared', () => (lastData()?.title === 'vladivostok-summit.briefing' ? true : undefined));

    await vscode.commands.executeCommand('briefing.events.toggleScope', 'workspace');
    try {
      await waitFor('every briefing', () => (lastData()?.scope === 'every briefing' ? lastData() : undefined), 10_000);
      const merged = pageGraph();
      // second.briefing's events are there: Sergei Lavrov's visit.
      assert.ok(
        merged.days.some((days) => days?.[0] === '2023-10-18'),
        JSON.stringify(merged.days),
      );
      // Vladimir Putin is in the sample and in second.briefing: one node, both files' mentions.
      const putins = merged.nodes.filter((node) => node.name === 'Vladimir Putin');
      assert.equal(putins.length, 1);
      const inSample = sampleGraph.nodes.find((node) => node.name === 'Vladimir Putin')!;
      assert.ok(putins[0].mentions > inSample.mentions, `${putins[0].mentions} > ${inSample.mentions}`);
      assert.ok(
        merged.nodes.some((node) => node.name === 'Choe Son Hui'),
        "second.briefing's registry actor",
      );
    } finally {
      await vscode.commands.executeCommand('briefing.events.toggleScope', 'briefing');
    }
    await waitFor('one briefing again', () => (lastData()?.scope === 'vladivostok-summit.briefing' ? true : undefined));
  });

  test("the timeline's window is posted to the chart while the timeline is open, and none once it closes", async () => {
    await openSample();
    await vscode.commands.executeCommand('briefing.timeline.show');
    const timeline = api.views.timeline.current!;
    const before = posted.length;
    // What the timeline's page sends as its window moves (the real page sends its own too).
    await timeline.receive({ type: 'window', start: Date.UTC(2023, 8, 1), end: Date.UTC(2023, 8, 30) });
    await waitFor('the window posted', () =>
      posted.slice(before).find((message) => message.type === 'window' && message.window?.start === Date.UTC(2023, 8, 1) && message.window.end === Date.UTC(2023, 8, 30)),
    );
    assert.deepEqual(timeline.window, { start: Date.UTC(2023, 8, 1), end: Date.UTC(2023, 8, 30) });
    const closing = posted.length;
    timeline.panel!.dispose();
    await waitFor('no window', () => posted.slice(closing).find((message) => message.type === 'window' && message.window === undefined));
    assert.equal(timeline.window, undefined);
  });

  test('an export asks the page to draw the chart, or to give the graph it shows as JSON', async function () {
    await openSample();
    await chart().show();
    if (inWebExtensionHost) {
      // The web test's VS Code cannot load a webview's page offline: the page's messages are the test's.
      await chart().receive({ type: 'ready' });
      const before = posted.length;
      const drawing = chart().draw('json', 'theme');
      const asked = await waitFor('the export asked', () => posted.slice(before).find((message) => message.type === 'export'));
      assert.equal(asked.type === 'export' && asked.format, 'json');
      // The page names what it shows; the extension writes that part of the graph.
      await chart().receive({ type: 'exported', request: asked.type === 'export' ? asked.request : 0, data: JSON.stringify({ ids: ['actor:Kim Jong Un'] }) });
      const written = JSON.parse((await drawing) ?? '{}') as LinkGraph;
      assert.deepEqual(
        written.nodes.map((node) => node.name),
        ['Kim Jong Un'],
      );
      assert.deepEqual(written.edges, []);
      return this.skip();
    }
    // The real page answers: the graph it shows, and the chart as SVG.
    const json = JSON.parse((await chart().draw('json', 'theme')) ?? '{}') as LinkGraph;
    assert.ok(json.nodes.some((node) => node.name === 'Kim Jong Un'));
    assert.ok(
      json.edges.some((edge) => edge.kind === 'relation'),
      JSON.stringify(json).slice(0, 2000),
    );
    assert.ok(Array.isArray(json.events));
    const svg = (await chart().draw('svg', 'print')) ?? '';
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [\s\S]*>Kim Jong Un</);
    assert.match(svg, /<rect width="\d+" height="\d+" fill="#ffffff"/, 'on white, for print');
    const png = (await chart().draw('png', 'theme')) ?? '';
    assert.equal(Buffer.from(png, 'base64').subarray(1, 4).toString(), 'PNG');
  });
});

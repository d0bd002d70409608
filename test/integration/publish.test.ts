import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  inWebExtensionHost,
  openSample,
  readText,
  runDismissingNotifications,
  sampleUri,
  untitledBriefing,
  waitFor,
  workspaceFile,
} from './helpers';

const read = async (uri: vscode.Uri) => vscode.workspace.fs.readFile(uri);
/** The text a data URL's base64 holds. */
const base64Text = (base64: string) => new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
const exists = async (uri: vscode.Uri) =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

suite('"Publish as Word Document…" and "…as Printable Page…"', () => {
  suiteTeardown(closeAllEditors);

  test('the printable page of the active briefing, with its unsaved edits: the banner twice, the events table, the sources', async () => {
    await activateExtension();
    const document = await openSample();
    const editor = await vscode.window.showTextDocument(document);
    const outlook = document.getText().indexOf('## Outlook');
    await editor.edit((edit) => edit.insert(document.positionAt(outlook), '## Unsaved\n\n(U) An unsaved portion.\n\n'));
    const target = workspaceFile('sample.published.html');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('briefing.publishPage', { target });
      assert.equal(written?.toString(), target.toString());
      const page = await readText(target);
      assert.equal(page.match(/<div class="banner (top|bottom)"[^>]*>UNCLASSIFIED<span class="tlp">TLP:CLEAR<\/span><\/div>/g)?.length, 2);
      assert.match(page, /<p>\(U\) An unsaved portion\.<\/p>/);
      assert.match(page, /<table class="events">/);
      assert.match(page, /\(F3: reliability cannot be judged, possibly true\)/);
      assert.doesNotMatch(page, /<script/i);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      if (await exists(target)) await vscode.workspace.fs.delete(target);
    }
  });

  test('the Word document of the active briefing: a .docx package with its document, header and footer', async () => {
    await activateExtension();
    await openSample();
    const target = workspaceFile('sample.published.docx');
    try {
      assert.equal((await vscode.commands.executeCommand<vscode.Uri>('briefing.publishWord', { target }))?.toString(), target.toString());
      const bytes = await read(target);
      // A zip (its entries' names are stored as they are): the parts of a Word document.
      assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
      const names = new TextDecoder('latin1').decode(bytes);
      for (const part of ['word/document.xml', 'word/header1.xml', 'word/footer1.xml', 'docProps/core.xml', 'docProps/custom.xml', '[Content_Types].xml']) {
        assert.ok(names.includes(part), part);
      }
    } finally {
      if (await exists(target)) await vscode.workspace.fs.delete(target);
    }
  });

  test('an under-marked briefing is not published: the Error says why, and nothing is written; forced, it is published under the banner that covers it', async () => {
    await activateExtension();
    await untitledBriefing('---\ntitle: Under-marked\nclassification: UNCLASSIFIED\n---\n\n(S) A secret portion.\n');
    const target = workspaceFile('under-marked.published.html');
    try {
      assert.equal(await runDismissingNotifications('briefing.publishPage', { target }), undefined);
      assert.equal(await exists(target), false, 'nothing written');
      await vscode.commands.executeCommand('briefing.publishPage', { target, force: true });
      assert.equal((await readText(target)).match(/<div class="banner (top|bottom)"[^>]*>SECRET<\/div>/g)?.length, 2);
    } finally {
      if (await exists(target)) await vscode.workspace.fs.delete(target);
      await closeAllEditors();
    }
  });

  test('the setting "Bold First Mentions" sets each entity\'s first mention in bold', async () => {
    await activateExtension();
    await openSample();
    const target = workspaceFile('sample.bold.html');
    const settings = vscode.workspace.getConfiguration('briefing.publish');
    await settings.update('boldFirstMentions', true, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('briefing.publishPage', { target });
      const page = await readText(target);
      assert.match(page, /<strong>North Korean leader<\/strong> Kim Jong Un is set to travel to <strong>Russia<\/strong>/);
    } finally {
      await settings.update('boldFirstMentions', undefined, vscode.ConfigurationTarget.Global);
      if (await exists(target)) await vscode.workspace.fs.delete(target);
    }
  });

  test('with no briefing active, it says so and writes nothing', async () => {
    await activateExtension();
    await closeAllEditors();
    const target = workspaceFile('nothing.docx');
    assert.equal(await vscode.commands.executeCommand('briefing.publishWord', { target }), undefined);
    assert.equal(await exists(target), false);
  });

  test('the pictures open are figures, drawn in the print style with a caption, one in a tab behind another too; the setting "Figures" at none leaves them out', async function () {
    // The real page draws them: the web test's VS Code cannot load a webview's page offline.
    if (inWebExtensionHost) this.skip();
    const api = await activateExtension();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('briefing.timeline.show');
    const timeline = await waitFor('the timeline open', () => api.views.timeline.current);
    await waitFor('the timeline in view', () => (timeline.panel?.visible ? true : undefined));
    // The page has drawn the sample's events.
    await waitFor('the timeline drawn', async () => ((await timeline.draw('svg', 'print'))?.includes('Kim Jong Un') ? true : undefined));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()), { viewColumn: vscode.ViewColumn.One });
    const page = workspaceFile('sample.figures.html');
    const word = workspaceFile('sample.figures.docx');
    const settings = vscode.workspace.getConfiguration('briefing.publish');
    try {
      await vscode.commands.executeCommand('briefing.publishPage', { target: page });
      const html = await readText(page);
      const figure =
        /<figure>\n<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="Figure 1\. Timeline">\n<figcaption>Figure 1\. Timeline<\/figcaption>\n<\/figure>/.exec(html);
      assert.ok(figure, 'the timeline is figure 1');
      assert.match(base64Text(figure[1]), /^<\?xml[\s\S]*<svg [\s\S]*Kim Jong Un/);
      assert.match(html, /content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/);
      await vscode.commands.executeCommand('briefing.publishWord', { target: word });
      const names = new TextDecoder('latin1').decode(await read(word));
      assert.match(names, /word\/media\/[\w-]+\.svg/);
      assert.match(names, /word\/media\/[\w-]+\.png/);
      // The timeline in a tab behind another: its page discarded, it is shown again and draws once it has its data.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()), { viewColumn: timeline.panel!.viewColumn });
      await waitFor('the timeline hidden', () => (timeline.panel?.visible === false ? true : undefined));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()), { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('briefing.publishPage', { target: page });
      const again = /<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="Figure 1\. Timeline">/.exec(await readText(page));
      assert.ok(again, 'the hidden timeline is figure 1');
      assert.match(base64Text(again[1]), /Kim Jong Un/);
      await settings.update('figures', 'none', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('briefing.publishPage', { target: page });
      assert.doesNotMatch(await readText(page), /<figure>/);
    } finally {
      await settings.update('figures', undefined, vscode.ConfigurationTarget.Global);
      for (const uri of [page, word]) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
      timeline.panel?.dispose();
    }
  });

  test('the setting "Figures" at all opens the pictures that are closed, and each is a figure, in order', async function () {
    // The real pages draw them: the web test's VS Code cannot load a webview's page offline.
    if (inWebExtensionHost) this.skip();
    const api = await activateExtension();
    for (const picture of [api.views.timeline, api.views.linkChart, api.views.map]) picture.current?.panel?.dispose();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()), { viewColumn: vscode.ViewColumn.One });
    const page = workspaceFile('sample.all-figures.html');
    const settings = vscode.workspace.getConfiguration('briefing.publish');
    await settings.update('figures', 'all', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('briefing.publishPage', { target: page });
      const html = await readText(page);
      assert.deepEqual(
        [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((match) => match[1]),
        ['Figure 1. Timeline', 'Figure 2. Link Chart', 'Figure 3. Map'],
      );
      const drawings = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/g)].map((match) => base64Text(match[1]));
      // Each drawn with its data: the sample's names in the timeline and the chart, Vladivostok on the map.
      assert.match(drawings[0], /Kim Jong Un/);
      assert.match(drawings[1], /Kim Jong Un/);
      assert.match(drawings[2], /Vladivostok/);
    } finally {
      await settings.update('figures', undefined, vscode.ConfigurationTarget.Global);
      if (await exists(page)) await vscode.workspace.fs.delete(page);
      for (const picture of [api.views.timeline, api.views.linkChart, api.views.map]) picture.current?.panel?.dispose();
    }
  });
});

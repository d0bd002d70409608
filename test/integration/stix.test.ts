import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openSample, readText, runAcceptingInputs, waitFor, workspaceFile } from './helpers';

interface Bundle {
  type: string;
  objects: { type: string; name?: string; object_marking_refs?: string[] }[];
}

const readJson = async (uri: vscode.Uri) => JSON.parse(await readText(uri)) as Bundle;
const reportsOf = (bundle: Bundle) => bundle.objects.filter((object) => object.type === 'report');

suite('STIX 2.1 commands', () => {
  suiteTeardown(closeAllEditors);

  test('"Export as STIX 2.1 Bundle…": the active briefing, with its unsaved edits', async () => {
    await activateExtension();
    const document = await openSample();
    const editor = await vscode.window.showTextDocument(document);
    // An unsaved edit is exported: the editor's text, not the file's.
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'tlp: AMBER\n'));
    try {
      const target = workspaceFile('sample.stix.json');
      const written = await vscode.commands.executeCommand<vscode.Uri>('briefing.exportStix', target, 'briefing');
      assert.equal(written?.toString(), target.toString());
      const bundle = await readJson(target);
      assert.equal(bundle.type, 'bundle');
      assert.deepEqual(
        reportsOf(bundle).map((report) => report.name),
        ['Kim Jong Un to meet Vladimir Putin in Vladivostok'],
      );
      const amber = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
      assert.ok(
        bundle.objects.filter((object) => object.type !== 'marking-definition').every((object) => object.object_marking_refs?.includes(amber)),
        'every object is marked TLP:AMBER',
      );
      await vscode.workspace.fs.delete(target);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('"Export as STIX 2.1 Bundle…": every briefing of the workspace, chosen in its quick pick, is one bundle', async () => {
    const api = await activateExtension();
    await openSample();
    const target = workspaceFile('workspace.stix.json');
    // The quick pick's first item is the active briefing: the second is picked by its scope argument; the pick itself is tested by accepting it.
    const picked = await runAcceptingInputs<vscode.Uri>('briefing.exportStix', target);
    assert.equal(reportsOf(await readJson(picked)).length, 1, 'Enter on the first item exports the active briefing');
    await vscode.commands.executeCommand('briefing.exportStix', target, 'workspace');
    const bundle = await readJson(target);
    // Every briefing file of the workspace is a report (other suites may have left more, open
    // files among them); no untitled editor is one.
    const titles = reportsOf(bundle).map((report) => report.name);
    const fileTitles: string[] = [];
    for (const uri of await vscode.workspace.findFiles('**/*.briefing')) {
      const title = api.getBriefing(await vscode.workspace.openTextDocument(uri)).frontMatter?.title ?? vscode.workspace.asRelativePath(uri, false);
      fileTitles.push(title);
      assert.ok(titles.includes(title), `${uri.path} (${title}) among ${titles.join(', ')}`);
    }
    const untitledTitles = vscode.workspace.textDocuments
      .filter((document) => document.isUntitled && document.languageId === 'briefing')
      .map((document) => api.getBriefing(document).frontMatter?.title ?? document.uri.path)
      .filter((title) => !fileTitles.includes(title));
    assert.deepEqual(
      untitledTitles.filter((title) => titles.includes(title)),
      [],
    );
    const names = bundle.objects.filter((object) => object.type === 'identity').map((object) => object.name);
    assert.equal(new Set(names).size, names.length, 'an actor named alike in two briefings is one identity');
    await vscode.workspace.fs.delete(target);
  });

  test('"New Briefing from STIX Bundle…": the bundle of the sample opens as a new briefing that exports the same', async () => {
    const api = await activateExtension();
    const sample = await openSample();
    const target = workspaceFile('round-trip.stix.json');
    await vscode.commands.executeCommand('briefing.exportStix', target, 'briefing');
    const documents = await vscode.commands.executeCommand<vscode.TextDocument[]>('briefing.importStix', target);
    assert.equal(documents.length, 1);
    const imported = documents[0];
    assert.equal(imported.isUntitled, true);
    assert.equal(imported.languageId, 'briefing');
    await waitFor('the new briefing in the active editor', () => vscode.window.activeTextEditor?.document === imported || undefined);
    const [before, after] = [api.getBriefing(sample), api.getBriefing(imported)];
    assert.deepEqual(
      after.entities.map((entity) => [entity.name, entity.kind, entity.type, entity.relations.length]),
      before.entities.map((entity) => [entity.name, entity.kind, entity.type, entity.relations.length]),
    );
    assert.equal(after.events.length, before.events.length);
    assert.deepEqual(after.diagnostics, []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(target);
  });

  test('"New Briefing from STIX Bundle…" on a file that is not a bundle opens nothing', async () => {
    await activateExtension();
    const target = workspaceFile('not-a-bundle.json');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('{ "type": "indicator" }'));
    const before = vscode.workspace.textDocuments.length;
    const result = await vscode.commands.executeCommand('briefing.importStix', target);
    assert.equal(result, undefined);
    assert.equal(vscode.workspace.textDocuments.filter((document) => document.isUntitled && document.languageId === 'briefing').length, 0);
    assert.ok(vscode.workspace.textDocuments.length <= before);
    await vscode.workspace.fs.delete(target);
  });
});

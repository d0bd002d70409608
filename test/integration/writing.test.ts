import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, runAcceptingInputs, untitledBriefing, waitFor } from './helpers';

const FRONT_START = ['---', 'title: Singapore summit', 'classification: UNCLASSIFIED'];

/** Puts the cursor at the end of `line` and presses Enter as a user does (the `type` command runs the onEnter rules). */
async function enterAtEndOf(editor: vscode.TextEditor, line: number): Promise<void> {
  const end = editor.document.lineAt(line).range.end;
  editor.selection = new vscode.Selection(end, end);
  // `type` goes to the focused editor: a quick input closed by an earlier test may have left none.
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await vscode.commands.executeCommand('type', { text: '\n' });
}

/**
 * Presses Enter at the end of `line` and returns the new line's text. The front matter's rules
 * are those of its embedded language, known once the grammar has tokenized the line: until then
 * Enter is undone and pressed again (bounded).
 */
async function newLineAfter(editor: vscode.TextEditor, line: number, expected: string): Promise<string> {
  let found = '';
  await waitFor(`Enter after line ${line} to give ${JSON.stringify(expected)}`, async () => {
    await enterAtEndOf(editor, line);
    found = editor.document.lineAt(line + 1).text;
    if (found === expected) return true;
    await vscode.commands.executeCommand('undo');
    return undefined;
  }).catch(() => undefined);
  return found;
}

/**
 * Types `text` and returns the text of `line` once it reads `expected`: the front matter's
 * auto-closing pairs, like its Enter rules, are its embedded language's, known once the grammar
 * has tokenized the line; until then what was typed is deleted and typed again (bounded).
 */
async function typedUntil(editor: vscode.TextEditor, line: number, text: string, expected: string): Promise<string> {
  let found = '';
  await waitFor(`${JSON.stringify(text)} typed to give ${JSON.stringify(expected)}`, async () => {
    await typeText(text);
    found = editor.document.lineAt(line).text;
    if (found === expected) return true;
    // Not undo: typing merges into one undo step with what was typed before.
    const start = new vscode.Position(line, found.length - text.length);
    await editor.edit((edit) => edit.delete(new vscode.Range(start, editor.document.lineAt(line).range.end)));
    return undefined;
  }).catch(() => undefined);
  return found;
}

async function typeText(text: string): Promise<void> {
  await vscode.commands.executeCommand('type', { text });
}

function labelsOf(list: vscode.CompletionList): string[] {
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

suite('writing the front matter', () => {
  suiteSetup(async () => (await activateExtension()).ready);
  teardown(closeAllEditors);

  test('a briefing indents by 2 spaces; Enter after actors: starts an item, after a field stays under the fields', async () => {
    const editor = await untitledBriefing([...FRONT_START, 'actors:', '---', ''].join('\n'));
    assert.equal(editor.options.tabSize, 2);
    assert.equal(editor.options.insertSpaces, true);
    assert.equal(await newLineAfter(editor, 3, '  - '), '  - ');
    await typeText('name: Kim Jong Un');
    assert.equal(await newLineAfter(editor, 4, '    '), '    ', 'under name:');
    await typeText('type: person\nrole: Chairman');
    assert.equal(editor.document.lineAt(5).text, '    type: person');
    assert.equal(editor.document.lineAt(6).text, '    role: Chairman', "a field keeps its entry's column");
    await typeText('\naliases: ');
    assert.equal(await typedUntil(editor, 7, '[', '    aliases: []'), '    aliases: []', 'the bracket closes itself');
    await typeText('\n');
    assert.deepEqual(
      [editor.document.lineAt(7).text, editor.document.lineAt(8).text, editor.document.lineAt(9).text],
      ['    aliases: [', '      ', '    ]'],
      'Enter inside the flow list keeps it open, indented',
    );
    await typeText('Chairman Kim');
    const api = await activateExtension();
    const model = await waitFor('the model of the typed entry', () => {
      const parsed = api.getBriefing(editor.document);
      return parsed.entities[0]?.aliases?.length ? parsed : undefined;
    });
    assert.deepEqual(
      model.diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint'),
      [],
    );
    assert.deepEqual(model.entities[0].aliases, ['Chairman Kim']);
  });

  test("Enter in the body is not taken by the front matter's rules", async () => {
    const editor = await untitledBriefing([...FRONT_START, '---', '', 'actors:'].join('\n'));
    await enterAtEndOf(editor, 5);
    assert.equal(editor.document.lineAt(6).text, '');
  });

  test("the actor and place snippets are offered in the front matter, not in the body; the body's are not offered in the front matter", async () => {
    const editor = await untitledBriefing([...FRONT_START, 'actors:', '  - ', '---', '', ''].join('\n'));
    const uri = editor.document.uri;
    let inFront: string[] = [];
    await waitFor('the front-matter snippets', async () => {
      inFront = labelsOf(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 4)));
      return inFront.includes('actor') ? true : undefined;
    }).catch((error: Error) => assert.fail(`${error.message}: ${inFront.join()}`));
    assert.ok(inFront.includes('place'), inFront.join());
    assert.ok(!inFront.includes('event') && !inFront.includes('judgment'), `no body snippet in the front matter: ${inFront.join()}`);
    const inBody = labelsOf(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(7, 0)));
    assert.ok(inBody.includes('event'), inBody.join());
    assert.ok(!inBody.includes('actor') && !inBody.includes('place'), `no front-matter snippet in the body: ${inBody.join()}`);
  });

  test('Insert Snippet "Actor" writes a whole entry, adding the dash only where the line has none', async () => {
    const editor = await untitledBriefing([...FRONT_START, 'actors:', '  - ', '  ', '---', ''].join('\n'));
    const insertAt = async (line: number) => {
      const end = editor.document.lineAt(line).range.end;
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'briefing-frontmatter', name: 'Actor' });
      await vscode.commands.executeCommand('leaveSnippet');
    };
    await waitFor('the snippet inserted', async () => {
      await insertAt(4);
      return editor.document.lineAt(4).text !== '  - ' ? true : undefined;
    });
    assert.equal(editor.document.lineAt(4).text, '  - name: Name');
    assert.equal(editor.document.lineAt(5).text, '    aliases: []');
    assert.equal(editor.document.lineAt(9).text, '    summary: One line on who they are.');
    await insertAt(10);
    assert.equal(editor.document.lineAt(10).text, '  - name: Name');
    assert.equal(editor.document.lineAt(11).text, '    aliases: []');
    const api = await activateExtension();
    const model = await waitFor('both entries read', () => {
      const parsed = api.getBriefing(editor.document);
      return parsed.entities.length === 2 ? parsed : undefined;
    });
    assert.deepEqual(
      model.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      [],
      'two entries, both read',
    );
  });

  test('an active snippet keeps quick suggestions closed, so that Tab moves to the next placeholder', () => {
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'briefing' });
    assert.equal(settings.get('suggest.snippetsPreventQuickSuggestions'), true);
  });

  test('Add Place… asks for the name, country and aliases, and writes the entry; Escape writes nothing', async () => {
    const editor = await untitledBriefing([...FRONT_START, 'places:', '  - name: Hanoi', '---', 'Singapore hosted it.', ''].join('\n'));
    const before = editor.document.getText();
    const cancelled = Promise.resolve(vscode.commands.executeCommand<boolean>('briefing.addPlace'));
    await waitFor('Escape to close the input', async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return (await Promise.race([cancelled, new Promise((resolve) => setTimeout(() => resolve('open'), 100))])) === false ? true : undefined;
    });
    assert.equal(editor.document.getText(), before);
    assert.equal(await runAcceptingInputs<boolean>('briefing.addPlace', { name: 'Singapore' }), true);
    assert.equal(editor.document.lineAt(5).text, '  - name: Singapore');
    assert.equal(editor.document.lineAt(6).text, '---', 'no country or alias given: none written');
    assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), 'Singapore', 'the new name selected');
  });

  test("Add Actor… is in the palette and the Actors view's title; in a briefing's context menu (the e2e test right-clicks there)", () => {
    const { contributes } = vscode.extensions.getExtension('analyst-briefings.analyst-briefings')!.packageJSON;
    const whens = (menu: string) =>
      (contributes.menus[menu] as { command: string; when: string }[]).filter((item) => item.command === 'briefing.addActor').map((item) => item.when);
    assert.deepEqual(whens('editor/context'), ['editorLangId == briefing']);
    assert.deepEqual(whens('view/title'), ['view == briefing.actors && briefing.hasActiveBriefing']);
  });
});

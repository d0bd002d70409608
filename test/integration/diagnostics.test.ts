import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openWorkspaceFile, runAcceptingInputs, untitledBriefing, waitFor, workspaceFile } from './helpers';

const summary = (diagnostics: readonly vscode.Diagnostic[]) =>
  diagnostics.map((d) => `${vscode.DiagnosticSeverity[d.severity]}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`);

/** The diagnostics published for a document, once there are `count` of them (or any, without a count). */
const publishedOn = (uri: vscode.Uri, what: string, count?: number) =>
  waitFor(what, () => {
    const published = vscode.languages.getDiagnostics(uri);
    return (count === undefined ? published.length > 0 : published.length === count) ? published : undefined;
  });

/** Asks for the quick fixes on a diagnostic, checks their titles, and applies the first. */
async function applyFirstFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, titles: readonly string[]): Promise<void> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  assert.deepEqual(
    actions.map((a) => a.title),
    titles,
  );
  assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
}

/** Waits until the fixed document has no diagnostic left, then closes it unsaved. */
async function settleAndClose(uri: vscode.Uri, what: string): Promise<void> {
  await waitFor(what, () => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('diagnostics and code actions', () => {
  suiteSetup(async () => (await activateExtension()).ready);

  test('published with exact ranges when a briefing opens', async () => {
    const document = await openWorkspaceFile('problems.briefing');
    const diagnostics = await waitFor('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(summary(diagnostics), [
      'Information@4:4-4:8 unknown-key',
      'Warning@5:17-5:18 duplicate-alias',
      'Error@6:4-6:17 missing-name',
      'Error@8:2-8:12 invalid-date',
      'Error@9:2-9:18 reversed-range',
      'Warning@10:2-10:12 unread-date',
      'Hint@3:10-3:13 unmentioned-entity',
    ]);
    assert.ok(diagnostics.every((d) => d.source === 'briefing'));
    const faded = diagnostics.filter((d) => d.tags?.includes(vscode.DiagnosticTag.Unnecessary));
    assert.deepEqual(
      faded.map((d) => d.message),
      ["Actor 'Kim' is not mentioned in the text, by name or alias"],
      'only the unmentioned name is faded',
    );
  });

  test('follow edits after the debounce, and clear when the document closes', async () => {
    const editor = await untitledBriefing('- 2023-11-13: fine\n');
    const uri = editor.document.uri;
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 2, 0, 12), '2023-02-30'));
    const published = await waitFor('the impossible date', () => (vscode.languages.getDiagnostics(uri).length === 1 ? true : undefined));
    assert.ok(published);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('cleared diagnostics', () => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined), 10_000);
  });

  test("a place's country the map does not know is Information, with the fix to the closest name", async () => {
    const editor = await untitledBriefing('---\nplaces:\n  - name: Vladivostok\n    country: Rusia\n---\nIn Vladivostok.\n');
    const uri = editor.document.uri;
    const [unknown] = await waitFor('the unknown country', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'unknown-country');
      return found.length > 0 ? found : undefined;
    });
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(unknown.message, "'Rusia' is not a country the map knows; did you mean 'Russia'?");
    await applyFirstFix(uri, unknown, ["Change to 'Russia'"]);
    assert.equal(editor.document.lineAt(3).text, '    country: Russia');
    await settleAndClose(uri, 'the country known');
  });

  test('a registry file gets its own diagnostics', async () => {
    const uri = workspaceFile('broken.entities.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('actors:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [X]\n'));
    try {
      const diagnostics = await waitFor(
        'registry diagnostics',
        () => {
          const found = vscode.languages.getDiagnostics(uri);
          return found.length > 0 ? found : undefined;
        },
        15_000,
      );
      assert.deepEqual(summary(diagnostics), ['Warning@4:14-4:15 duplicate-alias']);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('diagnostics gone with the file', () => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined), 15_000);
  });

  test('a registry file open in an editor gets the quick fixes a briefing gets', async () => {
    const uri = workspaceFile('fixable.entities.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('actors:\n  - name: Kim Jong Un\n    aliases: Kim, KJU\n'));
    try {
      const document = await openWorkspaceFile('fixable.entities.yaml');
      const [warning] = await waitFor(
        'the registry warning',
        () => {
          const found = vscode.languages.getDiagnostics(uri);
          return found.length > 0 ? found : undefined;
        },
        15_000,
      );
      assert.deepEqual(summary([warning]), ['Warning@2:13-2:21 aliases-in-one-text']);
      await applyFirstFix(uri, warning, ['Make it a list: [Kim, KJU]']);
      assert.equal(document.getText(), 'actors:\n  - name: Kim Jong Un\n    aliases: [Kim, KJU]\n');
      await settleAndClose(uri, 'the warning gone once the registry is read again');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('diagnostics gone with the file', () => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined), 15_000);
  });

  test('a registry change re-highlights and re-publishes the briefings', async () => {
    const api = await activateExtension();
    const document = await openWorkspaceFile('second.briefing');
    const before = api.getBriefing(document).mentions.length;
    const uri = workspaceFile('extra.entities.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('actors:\n  - name: Notes\n'));
    try {
      await waitFor('a mention of the new registry entity', () => (api.getBriefing(document).mentions.length === before + 1 ? true : undefined), 15_000);
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
      assert.equal(tokens.data.length / 5, before + 1 + 1, 'the new mention is coloured (plus the one declaration)');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the registry entity gone', () => (api.getBriefing(document).mentions.length === before ? true : undefined), 15_000);
  });

  test('quick fixes: the case of a key, a duplicate alias', async () => {
    const document = await openWorkspaceFile('problems.briefing');
    const diagnostics = await waitFor('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length > 0 ? found : undefined;
    });
    const caseFix = diagnostics.find((d) => d.code === 'unknown-key')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      caseFix.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Change 'Role' to 'role'"],
    );
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-alias')!;
    const removal = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      duplicate.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.deepEqual(
      removal.map((a) => a.title),
      ["Remove the duplicate alias 'K'"],
    );
    const [[, edits]] = removal[0].edit!.entries();
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]),
      [[5, 15, 18, '']],
    );
  });

  test('a date written in another form: a Warning whose quick fix turns the item into an event of the tree', async () => {
    const api = await activateExtension();
    const editor = await untitledBriefing('# Events\n- 13.11.2023: Kim leaves Pyongyang\n');
    const uri = editor.document.uri;
    assert.equal(api.getBriefing(editor.document).events.length, 0);
    const [warning] = await publishedOn(uri, 'the warning');
    assert.deepEqual(summary([warning]), ['Warning@1:2-1:12 unread-date']);
    await applyFirstFix(uri, warning, ['Write the date as 2023-11-13']);
    assert.equal(editor.document.getText(), '# Events\n- 2023-11-13: Kim leaves Pyongyang\n');
    assert.deepEqual(
      api.getBriefing(editor.document).events.map((e) => [e.start.text, e.text]),
      [['2023-11-13', 'Kim leaves Pyongyang']],
    );
    await settleAndClose(uri, 'the warning gone');
  });

  test('a portion marked above the classification: an Error whose quick fix raises the classification', async () => {
    const editor = await untitledBriefing('---\nclassification: UNCLASSIFIED\n---\n(U) Open.\n\n(S//NF) Not open.\n');
    const uri = editor.document.uri;
    const found = await publishedOn(uri, 'the error and the warning', 2);
    assert.deepEqual(summary(found), ['Error@5:0-5:7 portion-above-classification', 'Warning@5:0-5:7 portion-noforn']);
    const error = found.find((d) => d.code === 'portion-above-classification')!;
    await applyFirstFix(uri, error, ['Raise the classification to SECRET//NOFORN', 'Add //NOFORN to the classification']);
    assert.equal(editor.document.getText(), '---\nclassification: SECRET//NOFORN\n---\n(U) Open.\n\n(S//NF) Not open.\n');
    await settleAndClose(uri, 'both gone');
  });

  test('a citation of a source not listed: a Warning whose quick fix adds the entry', async () => {
    const editor = await untitledBriefing('Said [S1] and [S2].\n\n## Sources\n\n- [S1] AP\n');
    const uri = editor.document.uri;
    const [warning] = await publishedOn(uri, 'the warning');
    assert.deepEqual(summary([warning]), ['Warning@0:15-0:17 unknown-source']);
    await applyFirstFix(uri, warning, ['Add [S2] to the sources']);
    assert.equal(editor.document.getText(), 'Said [S1] and [S2].\n\n## Sources\n\n- [S1] AP\n- [S2] \n');
    await settleAndClose(uri, 'the warning gone');
  });

  test('a confidence level in the sentence of a likelihood (ICD 203): a Warning whose quick fix gives it a sentence of its own', async () => {
    const editor = await untitledBriefing('Russia likely wants the deal (moderate confidence).\n');
    const uri = editor.document.uri;
    const [warning] = await publishedOn(uri, 'the warning');
    assert.deepEqual(summary([warning]), ['Warning@0:30-0:49 confidence-with-likelihood']);
    await applyFirstFix(uri, warning, ["Move 'moderate confidence' to a sentence of its own"]);
    assert.equal(editor.document.getText(), 'Russia likely wants the deal. We have moderate confidence in this judgment.\n');
    await settleAndClose(uri, 'the warning gone');
  });

  test('aliases written as one text with commas: a Warning whose quick fix makes them a list, and the aliases are found', async () => {
    const api = await activateExtension();
    const editor = await untitledBriefing('---\nactors:\n  - name: Kim Jong Un\n    aliases: Kim, KJU\n---\nKJU arrived.\n');
    const uri = editor.document.uri;
    assert.equal(api.getBriefing(editor.document).mentions.length, 0, 'the one alias "Kim, KJU" is nowhere in the text');
    const [warning] = await publishedOn(uri, 'the warning');
    assert.deepEqual(summary([warning]), ['Warning@3:13-3:21 aliases-in-one-text']);
    await applyFirstFix(uri, warning, ['Make it a list: [Kim, KJU]']);
    assert.equal(editor.document.getText(), '---\nactors:\n  - name: Kim Jong Un\n    aliases: [Kim, KJU]\n---\nKJU arrived.\n');
    assert.deepEqual(
      api.getBriefing(editor.document).mentions.map((m) => m.text),
      ['KJU'],
    );
    await settleAndClose(uri, 'the warning gone');
  });

  test('actors written as a mapping from names to fields: an Error whose quick fix writes the list of entries', async () => {
    const api = await activateExtension();
    const editor = await untitledBriefing('---\nactors:\n  Kim Jong Un:\n    role: Leader\n  Choe Son Hui:\n---\nKim Jong Un and Choe Son Hui.\n');
    const uri = editor.document.uri;
    const ownEntities = () => api.getBriefing(editor.document).entities.filter((e) => e.definition.source === undefined);
    assert.equal(ownEntities().length, 0, 'a mapping holds no entries');
    const [error] = await publishedOn(uri, 'the error', 1);
    assert.deepEqual(summary([error]), ['Error@2:2-4:15 invalid-list']);
    await applyFirstFix(uri, error, ['Make it a list of entries: - name: …']);
    assert.equal(editor.document.getText(), '---\nactors:\n  - name: Kim Jong Un\n    role: Leader\n  - name: Choe Son Hui\n---\nKim Jong Un and Choe Son Hui.\n');
    assert.deepEqual(
      ownEntities().map((e) => `${e.name} ${e.role ?? '-'} ${e.mentions.length}`),
      ['Kim Jong Un Leader 1', 'Choe Son Hui - 1'],
    );
    await settleAndClose(uri, 'the error gone');
  });

  test('"Register selection as actor…" opens the inputs of Add Actor with the name, and adds the entry as one undo step', async () => {
    const editor = await untitledBriefing('---\nactors:\n  - name: Kim\n---\nSergei Shoigu arrived.\n');
    const range = new vscode.Range(4, 0, 4, 13);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Register 'Sergei Shoigu' as an actor…") && titles.includes("Register 'Sergei Shoigu' as a place…"), titles.join(', '));
    const register = actions.find((a) => a.title === "Register 'Sergei Shoigu' as an actor…")!;
    assert.equal(register.command?.command, 'briefing.addActor');
    // Enter at each input: the name as selected, the first type (person), no role, affiliation or alias.
    assert.equal(await runAcceptingInputs<boolean>(register.command!.command, ...(register.command!.arguments ?? [])), true);
    assert.equal(editor.document.getText(), '---\nactors:\n  - name: Kim\n  - name: Sergei Shoigu\n    type: person\n---\nSergei Shoigu arrived.\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '---\nactors:\n  - name: Kim\n---\nSergei Shoigu arrived.\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a document version is parsed once, whatever the features ask', async () => {
    const api = await activateExtension();
    const editor = await untitledBriefing('---\nactors: [Kim]\n---\n');
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'Kim met Kim.\n- 2023-02-30: Kim'));
    const uri = editor.document.uri;
    api.getBriefing(editor.document);
    const before = api.parseCount();
    await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(3, 1));
    await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri);
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', uri);
    await vscode.commands.executeCommand('vscode.executeDocumentHighlights', uri, new vscode.Position(3, 1));
    await waitFor('the debounced diagnostics of this version', () => (vscode.languages.getDiagnostics(uri).length === 1 ? true : undefined));
    assert.equal(api.parseCount(), before, 'no feature parsed the same version again');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a document that is not a briefing costs no parse, and gets no diagnostics, whatever it holds', async () => {
    const api = await activateExtension();
    const before = api.parseCount();
    const text = '---\nactors: [Kim]\n---\nKim met Kim.\n- 2023-02-30: Kim\n';
    const markdown = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: text }));
    await markdown.edit((edit) => edit.insert(new vscode.Position(3, 0), 'Kim again. '));
    const uri = markdown.document.uri;
    await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(3, 12));
    await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 12));
    await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri);
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', uri);
    assert.equal(api.parseCount(), before, 'nothing parsed the Markdown document');
    // Diagnostics are published together after a pause: once a briefing's arrive, the Markdown
    // document's would have too.
    const briefing = await untitledBriefing('- 2023-02-30: an impossible date\n');
    await waitFor("the briefing's diagnostics", () => (vscode.languages.getDiagnostics(briefing.document.uri).length > 0 ? true : undefined));
    assert.deepEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'briefing'),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(markdown.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

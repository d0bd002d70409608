import * as assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import * as vscode from 'vscode';
import { fileBytes, fileSize } from '../../src/features/onDemand/fileBytes';
import { activateExtension, inWebExtensionHost, openWorkspaceFile, positionOf, readText, untitledBriefing, waitFor, workspaceFile } from './helpers';

const encoder = new TextEncoder();
const write = (name: string, text: string | Uint8Array) => vscode.workspace.fs.writeFile(workspaceFile(name), typeof text === 'string' ? encoder.encode(text) : text);
const remove = (name: string) => vscode.workspace.fs.delete(workspaceFile(name)).then(undefined, () => undefined);

/** A briefing of about `megabytes`, with an impossible date that a smaller file would report. */
function bigBriefing(megabytes: number): string {
  const head = '---\nactors: [Kim Jong Un]\nplaces: [Vladivostok]\n---\n- 2023-02-30: an impossible date, Kim Jong Un in Vladivostok\n';
  const line = 'Kim Jong Un met officials in Vladivostok to discuss cooperation; the talks went on.\n';
  return head + line.repeat(Math.ceil((megabytes * 1048576) / line.length));
}

suite('reliability: huge and odd files, virtual file systems, faults', () => {
  suiteSetup(async () => (await activateExtension()).ready);

  test('a 10 MB briefing opens and steps down: no colours or live diagnostics, the tree and hovers stay, one notice', async function () {
    // Writing, opening and reading 10 MB: a loaded machine took more than the default.
    this.timeout(120_000);
    const api = await activateExtension();
    await write('huge.briefing', bigBriefing(10));
    try {
      const document = await openWorkspaceFile('huge.briefing');
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
      assert.equal(tokens?.data.length ?? 0, 0, 'no semantic tokens above the limit');
      assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);
      assert.ok(api.largeFileNotices().includes(document.uri.toString()), 'the user was told');
      const events = await waitFor(
        'the tree of the large file',
        async () => {
          const roots = await api.views.events.getChildren();
          return roots.length === 1 ? roots : undefined;
        },
        20_000,
      );
      assert.equal(events.length, 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'Vladivostok', 2, 1));
      assert.equal(hovers.length, 1, 'hovers stay');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await remove('huge.briefing');
    }
  });

  test('a 50 MB briefing does not break the extension (VS Code may refuse to hand it over)', async function () {
    this.timeout(120_000);
    const api = await activateExtension();
    await write('enormous.briefing', bigBriefing(50));
    try {
      await vscode.workspace.openTextDocument(workspaceFile('enormous.briefing')).then(
        (document) => vscode.window.showTextDocument(document),
        (error: Error) => assert.match(error.message, /50MB|too large|large/i),
      );
      const document = await openWorkspaceFile('second.briefing');
      assert.ok(api.getBriefing(document).events.length > 0, 'the extension still serves other briefings');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove('enormous.briefing');
    }
  });

  test('a binary file renamed .briefing: VS Code declines it, and binary text that gets through is one diagnostic', async () => {
    const api = await activateExtension();
    await write('binary.briefing', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x41]));
    try {
      await vscode.workspace.openTextDocument(workspaceFile('binary.briefing')).then(
        (document) => assert.equal(api.getBriefing(document).diagnostics.length, 1),
        (error: Error) => assert.match(error.message, /binary/i),
      );
      // Binary text that reaches an editor anyway ("Open Anyway", or content from another extension).
      const document = await vscode.workspace.openTextDocument({ language: 'briefing', content: 'PNG\u0000\u0000\u001a\n\u00ff- 2023-02-30: x' });
      await vscode.window.showTextDocument(document);
      const diagnostics = await waitFor('the binary diagnostic', () => {
        const found = vscode.languages.getDiagnostics(document.uri);
        return found.length > 0 ? found : undefined;
      });
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /looks binary/);
      assert.deepEqual(await api.views.events.getChildren(), [], 'nothing else is read');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await remove('binary.briefing');
    }
  });

  test('an empty file and a file of only front matter work', async () => {
    const api = await activateExtension();
    await write('empty.briefing', '');
    await write('front-only.briefing', '---\ntitle: Only front matter\nactors: [Kim]\n---\n');
    try {
      const empty = await openWorkspaceFile('empty.briefing');
      assert.deepEqual(api.getBriefing(empty).diagnostics, []);
      assert.deepEqual(await api.views.events.getChildren(), []);
      const front = await openWorkspaceFile('front-only.briefing');
      assert.equal(api.getBriefing(front).frontMatter?.title, 'Only front matter');
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', front.uri);
      assert.equal(symbols[0].children[0].name, 'Kim');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove('empty.briefing');
      await remove('front-only.briefing');
    }
  });

  test('a briefing on a virtual file system: hover, colours, outline and the tree work', async () => {
    const api = await activateExtension();
    const files = new Map<string, Uint8Array>();
    const changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: changed.event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: (uri) => {
        const data = files.get(uri.path);
        if (!data) throw vscode.FileSystemError.FileNotFound(uri);
        return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.length };
      },
      readDirectory: () => [],
      createDirectory: () => undefined,
      readFile: (uri) => {
        const data = files.get(uri.path);
        if (!data) throw vscode.FileSystemError.FileNotFound(uri);
        return data;
      },
      writeFile: (uri, content) => void files.set(uri.path, content),
      delete: (uri) => void files.delete(uri.path),
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider('briefingtest', provider);
    try {
      const uri = vscode.Uri.parse('briefingtest:/virtual.briefing');
      files.set(uri.path, encoder.encode('---\nactors:\n  - name: Kim\n    role: Leader\n---\n- 2023-11-13: Kim arrives\n'));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'briefing');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 15));
      assert.match((hovers[0].contents[0] as vscode.MarkdownString).value, /Leader/);
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
      assert.equal(tokens.data.length / 5, 2);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      assert.ok(symbols.length >= 2);
      await waitFor('the virtual briefing in the tree', async () => ((await api.views.events.getChildren()).length === 1 ? true : undefined));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      registration.dispose();
      changed.dispose();
    }
  });

  test('the manifest declares what the extension does in untrusted and virtual workspaces', () => {
    const manifest = vscode.extensions.getExtension('analyst-briefings.analyst-briefings')!.packageJSON;
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  test('a registry broken, then deleted, mid-session: diagnostics follow, briefings keep working', async () => {
    const api = await activateExtension();
    const original = await vscode.workspace.fs.readFile(workspaceFile('team.entities.yaml'));
    const document = await openWorkspaceFile('second.briefing');
    try {
      await write('team.entities.yaml', 'actors:\n  - name: [broken\n');
      await waitFor(
        'the registry error',
        () => (vscode.languages.getDiagnostics(workspaceFile('team.entities.yaml')).some((d) => d.severity === vscode.DiagnosticSeverity.Error) ? true : undefined),
        15_000,
      );
      assert.ok(!api.getBriefing(document).entities.some((e) => e.name === 'Sergei Lavrov'));
      await remove('team.entities.yaml');
      await waitFor('the registry gone', () => (vscode.languages.getDiagnostics(workspaceFile('team.entities.yaml')).length === 0 ? true : undefined), 15_000);
      assert.ok(api.getBriefing(document).events.length > 0);
    } finally {
      await vscode.workspace.fs.writeFile(workspaceFile('team.entities.yaml'), original);
      await waitFor('the registry back', () => (api.getBriefing(document).entities.some((e) => e.name === 'Sergei Lavrov') ? true : undefined), 15_000);
    }
  });

  test('a registry renamed mid-session: its entities follow it, its old name is forgotten', async () => {
    const api = await activateExtension();
    const document = await openWorkspaceFile('second.briefing');
    const lavrov = () => api.getBriefing(document).entities.find((e) => e.name === 'Sergei Lavrov');
    try {
      await vscode.workspace.fs.rename(workspaceFile('team.entities.yaml'), workspaceFile('renamed.entities.yaml'));
      await waitFor('the entity defined in the renamed registry', () => lavrov()?.definition.source?.endsWith('renamed.entities.yaml'), 15_000);
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Sergei Lavrov');
      const files = symbols.filter((symbol) => symbol.name === 'Sergei Lavrov').map((symbol) => symbol.location.uri.path.split('/').pop());
      assert.deepEqual(files, ['renamed.entities.yaml'], 'defined once, under the new name only');
    } finally {
      await vscode.workspace.fs.rename(workspaceFile('renamed.entities.yaml'), workspaceFile('team.entities.yaml'), { overwrite: true }).then(undefined, () => undefined);
      await waitFor('the registry back under its name', () => lavrov()?.definition.source?.endsWith('team.entities.yaml'), 15_000);
    }
  });

  test('an unreadable registry (a broken link) is a warning on it, and the other registries still count', async function () {
    // A link needs Node's file system: the web extension host has none.
    if (inWebExtensionHost) this.skip();
    const api = await activateExtension();
    const document = await openWorkspaceFile('second.briefing');
    const ghost = workspaceFile('ghost.entities.yaml');
    const unreadableWarning = () =>
      waitFor('the warning on the unreadable registry', () => vscode.languages.getDiagnostics(ghost).find((d) => d.code === 'registry-unreadable'), 7_500);
    try {
      await symlink('no-such-file.yaml', ghost.fsPath);
      // In about one run of twenty VS Code's file watcher reported nothing for the new link, and
      // the extension learns of registries from it. What is tested here is how the extension
      // treats a registry it cannot read, so a lost event is given one more chance: the link is
      // made again.
      const warning = await unreadableWarning().catch(async () => {
        await remove('ghost.entities.yaml');
        await symlink('no-such-file.yaml', ghost.fsPath);
        return unreadableWarning();
      });
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(warning.message, /could not be read/);
      assert.ok(
        api.getBriefing(document).entities.some((e) => e.name === 'Sergei Lavrov'),
        'the readable registry still counts',
      );
    } finally {
      await remove('ghost.entities.yaml');
      await waitFor('the warning gone with the link', () => (vscode.languages.getDiagnostics(ghost).length === 0 ? true : undefined), 15_000);
    }
  });

  test('the workspace index: many files read with a notification that cancels the reading, files renamed and deleted as it reads, a file over the limit a Warning, nothing else lost', async () => {
    const api = await activateExtension();
    const { index } = api;
    const config = () => vscode.workspace.getConfiguration('briefing');
    const files = Array.from({ length: 240 }, (_, i) => `many/b-${i}.briefing`);
    await Promise.all(files.map((file, i) => write(file, `- 2020-01-${String((i % 28) + 1).padStart(2, '0')}: event ${i} #many\n`)));
    try {
      const all = await waitFor(
        'the many files indexed',
        async () => {
          const found = (await index.summaries()).filter(({ uri }) => uri.path.includes('/many/'));
          return found.length === files.length ? found : undefined;
        },
        30_000,
      );
      assert.ok(all.every(({ summary }) => summary.events.length === 1));
      // The registries changed (a registry of their own, so that the others' stay as they are for
      // the next tests): every file waits to be read again, enough for the notification.
      await write('many/extra.entities.yaml', 'actors:\n  - name: Extra Person\n');
      await waitFor('every file waiting again', () => index.waiting >= files.length || undefined, 15_000);
      const before = index.filesRead;
      const reading = index.summaries();
      await waitFor('the reading under way', () => index.filesRead > before + 5 || undefined, 15_000);
      index.cancelReading();
      await reading;
      assert.ok(index.waiting > 0, 'the cancelled reading stopped before the end');
      const read = index.filesRead - before;
      assert.ok(read < files.length, `${read} files read before the cancel took`);
      const again = (await index.summaries()).filter(({ uri }) => uri.path.includes('/many/'));
      assert.equal(again.length, files.length, 'the next request reads the rest');
      // (A late second event of the registry's change may mark them again: they are read again.)
      await waitFor('nothing left to read', async () => ((await index.summaries()) && index.waiting === 0 ? true : undefined), 15_000);

      // A file renamed and one deleted while the index reads them all again.
      await write('many/extra.entities.yaml', 'actors:\n  - name: Extra Person\n  - name: Another Person\n');
      await waitFor('every file waiting again', () => index.waiting >= files.length || undefined, 15_000);
      const rereadFrom = index.filesRead;
      const rereading = index.summaries();
      await waitFor('the reading under way again', () => index.filesRead > rereadFrom + 5 || undefined, 15_000);
      await vscode.workspace.fs.rename(workspaceFile('many/b-239.briefing'), workspaceFile('many/renamed.briefing'));
      await vscode.workspace.fs.delete(workspaceFile('many/b-238.briefing'));
      await rereading;
      const names = await waitFor(
        'the renamed file under its new name, the deleted one gone',
        async () => {
          const found = (await index.summaries()).filter(({ uri }) => uri.path.includes('/many/')).map(({ uri }) => uri.path.split('/').pop()!);
          return found.includes('renamed.briefing') && !found.includes('b-239.briefing') && !found.includes('b-238.briefing') ? found : undefined;
        },
        15_000,
      );
      assert.equal(names.length, files.length - 1);

      await config().update('maxFileSize', 0.05, vscode.ConfigurationTarget.Workspace);
      await write('many/big.briefing', bigBriefing(0.1));
      const warning = await waitFor(
        'the Warning on the file over the limit',
        () => vscode.languages.getDiagnostics(workspaceFile('many/big.briefing')).find((d) => d.code === 'not-indexed'),
        15_000,
      );
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(warning.message, /larger than briefing\.maxFileSize \(0\.1 MB\)/);
      const indexed = (await index.summaries()).filter(({ uri }) => uri.path.includes('/many/'));
      assert.equal(indexed.length, files.length - 1, 'the others are all there');
    } finally {
      await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceFile('many'), { recursive: true }).then(undefined, () => undefined);
    }
  });

  test("the index's reading of a file (Node's file system for a local one on a Node host): its bytes and size as VS Code has them, a missing file FileNotFound, a folder an error", async () => {
    const uri = workspaceFile('second.briefing');
    const decoder = new TextDecoder();
    assert.equal(decoder.decode(await fileBytes(uri)), decoder.decode(await vscode.workspace.fs.readFile(uri)));
    assert.equal(await fileSize(uri), (await vscode.workspace.fs.stat(uri)).size);
    const missing = workspaceFile('no-such.briefing');
    const failure = (reading: Promise<unknown>) =>
      reading.then(
        () => 'read',
        (error: unknown) => (error instanceof vscode.FileSystemError ? error.code : String(error)),
      );
    assert.equal(await failure(fileBytes(missing)), 'FileNotFound');
    assert.equal(await failure(fileSize(missing)), 'FileNotFound');
    await assert.rejects(fileSize(vscode.workspace.workspaceFolders![0].uri), /not a file/);
  });

  test('a registry over briefing.maxFileSize is not read: a warning on it says so, and raising the limit reads it', async () => {
    const api = await activateExtension();
    const config = () => vscode.workspace.getConfiguration('briefing');
    const big = workspaceFile('big.entities.yaml');
    const entries = Array.from({ length: 1000 }, (_, i) => `  - name: Filler Entity ${i}\n    summary: ${'x'.repeat(30)}\n`).join('');
    const editor = await untitledBriefing('Oversized Registry Person arrived.\n');
    const fromBig = () => api.getBriefing(editor.document).entities.find((e) => e.name === 'Oversized Registry Person');
    await config().update('maxFileSize', 0.05, vscode.ConfigurationTarget.Workspace);
    try {
      await write('big.entities.yaml', `actors:\n  - name: Oversized Registry Person\n${entries}`);
      const warning = await waitFor('the warning on the registry over the limit', () => vscode.languages.getDiagnostics(big).find((d) => d.code === 'registry-unreadable'), 15_000);
      assert.match(warning.message, /could not be read \(0\.1 MB, over briefing\.maxFileSize\)/);
      assert.equal(fromBig(), undefined, 'its entities are not used');
      await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor('the registry read once the limit allows it', () => fromBig(), 15_000);
      assert.deepEqual(vscode.languages.getDiagnostics(big), []);
    } finally {
      await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await remove('big.entities.yaml');
    }
  });

  test('a long registry (read in slices, the extension host free between them) is read whole: its last entity used, its problems shown', async () => {
    const api = await activateExtension();
    const long = workspaceFile('long.entities.yaml');
    const entries = Array.from({ length: 2000 }, (_, i) => `  - name: Long Registry Person ${i}\n    aliases: [LRP ${i}]\n    role: Analyst\n`).join('');
    const text = `actors:\n${entries}  - name: Last Long Registry Person\n    aliases: [LRP 7]\n`;
    assert.ok(text.length > 100_000, 'over the length read in slices');
    const editor = await untitledBriefing('Last Long Registry Person met Long Registry Person 1999.\n');
    const names = () => api.getBriefing(editor.document).entities.map((e) => e.name);
    try {
      await write('long.entities.yaml', text);
      await waitFor('the last entity of the long registry used', () => (names().includes('Last Long Registry Person') ? true : undefined), 30_000);
      assert.ok(names().includes('Long Registry Person 1999'));
      const duplicate = await waitFor('the duplicate alias at its end shown', () => vscode.languages.getDiagnostics(long).find((d) => d.code === 'duplicate-alias'), 15_000);
      assert.equal(duplicate.range.start.line, 6002);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await remove('long.entities.yaml');
    }
  });

  test('two briefings defining the same entity differently each use their own', async () => {
    await write('other-putin.briefing', '---\nactors:\n  - name: Vladimir Putin\n    role: Former Prime Minister\n---\nVladimir Putin\n');
    try {
      const other = await openWorkspaceFile('other-putin.briefing');
      const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', other.uri, new vscode.Position(5, 2));
      assert.match((hover.contents[0] as vscode.MarkdownString).value, /Former Prime Minister/);
      const second = await openWorkspaceFile('second.briefing');
      const [own] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', second.uri, positionOf(second, 'Vladimir Putin and', 0, 2));
      assert.match((own.contents[0] as vscode.MarkdownString).value, /^\*\*Vladimir Putin\*\* · Actor\n\nPresident\n/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove('other-putin.briefing');
    }
  });

  test("rename across files edits documents, never the disk behind the user's back", async () => {
    const registryOnDisk = await readText(workspaceFile('team.entities.yaml'));
    const document = await openWorkspaceFile('second.briefing');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionOf(document, 'Choe Son Hui', 0, 1),
      'Choe Son-hui',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      assert.equal(await readText(workspaceFile('team.entities.yaml')), registryOnDisk, 'the registry on disk is unchanged until saved');
      const registry = vscode.workspace.textDocuments.find((open) => open.uri.toString() === workspaceFile('team.entities.yaml').toString())!;
      assert.ok(registry.isDirty);
      assert.match(registry.getText(), /name: Choe Son-hui/);
    } finally {
      for (const open of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
        await vscode.window.showTextDocument(open);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      // A registry edited in an editor is read again after a pause (300 ms): the next test must
      // not start while the renamed entity may still be the registry's.
      const api = await activateExtension();
      await waitFor('the registry read back as it is on disk', () => (api.getBriefing(document).entities.some((entity) => entity.name === 'Choe Son Hui') ? true : undefined));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('rename across files reads each file as it is now, and edits only open documents (versioned by VS Code)', async () => {
    const third = workspaceFile('third.briefing');
    await write('third.briefing', '---\ntitle: Third\n---\nChoe Son Hui spoke.\n\n- 2024-01-02: The third briefing\n');
    try {
      const document = await openWorkspaceFile('second.briefing');
      // Indexed as it was (its event found by Go to Symbol: the file watcher may tell the index of
      // a new file late on a loaded machine); then changed on disk just before the rename.
      await waitFor('the new briefing indexed', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'The third briefing');
        return symbols.some((symbol) => symbol.location.uri.toString() === third.toString()) ? true : undefined;
      });
      await write('third.briefing', '---\ntitle: Third\n---\nA new first line.\n\nChoe Son Hui spoke.\n\n- 2024-01-02: The third briefing\n');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        document.uri,
        positionOf(document, 'Choe Son Hui', 0, 1),
        'Choe Son-hui',
      );
      const thirdEdits = edit.get(third);
      assert.deepEqual(
        thirdEdits.map((change) => [change.range.start.line, change.range.start.character, change.newText]),
        [[5, 0, 'Choe Son-hui']],
      );
      for (const [uri] of edit.entries()) {
        assert.ok(
          vscode.workspace.textDocuments.some((open) => open.uri.toString() === uri.toString()),
          `${uri.path} is an open document, so VS Code checks its version when applying`,
        );
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove('third.briefing');
    }
  });

  test('a document closed while requests on it are pending: no error, nothing of it left in the views', async () => {
    const api = await activateExtension();
    const document = await vscode.workspace.openTextDocument({ language: 'briefing', content: '---\nactors: [Kim]\n---\n- 2023-11-13: Kim arrives\n' });
    await vscode.window.showTextDocument(document);
    const uri = document.uri;
    const pending = [
      vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(3, 15)),
      vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri),
      vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri),
      vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 15)),
    ];
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await Promise.allSettled(pending);
    await waitFor('the closed document gone from the Events view', async () => {
      const roots = await api.views.events.getChildren();
      return roots.every((node) => node.type !== 'event' || node.item.source !== uri.toString()) ? true : undefined;
    });
  });
});

import * as vscode from 'vscode';

declare const WEB_EXTENSION_HOST: boolean;

/*
 * Files of the workspace read by their URI. On a Node extension host a `file:` URI is read with
 * Node's own file system: each call of `vscode.workspace.fs` goes to the window and back before it
 * reads (microsoft/vscode#324223), and the index's reading of a large workspace waited on those
 * trips more than it parsed (docs/performance.md). Other schemes (remote and virtual file
 * systems) and the web extension host read through `vscode.workspace.fs`. A file that is gone is
 * `FileSystemError.FileNotFound` either way.
 */

/** The size of a file, in bytes; a path that is not a file (a folder, a pipe) is an error. */
export async function fileSize(uri: vscode.Uri): Promise<number> {
  const local = nodeFiles(uri);
  const { size, isFile } = local ? await localStat(local, uri) : await workspaceStat(uri);
  // (A pipe would hold the reading until something writes to it.)
  if (!isFile) throw new Error('not a file');
  return size;
}

/** The bytes of a file. */
export async function fileBytes(uri: vscode.Uri): Promise<Uint8Array> {
  const local = nodeFiles(uri);
  if (!local) return vscode.workspace.fs.readFile(uri);
  return local.readFile(uri.fsPath).catch((error: unknown) => Promise.reject(asFileError(error, uri)));
}

function nodeFiles(uri: vscode.Uri): typeof import('node:fs/promises') | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's, on the Node extension host only (the web build drops it)
  if (!WEB_EXTENSION_HOST && uri.scheme === 'file') return require('node:fs/promises') as typeof import('node:fs/promises');
  return undefined;
}

async function localStat(files: typeof import('node:fs/promises'), uri: vscode.Uri): Promise<{ size: number; isFile: boolean }> {
  const stat = await files.stat(uri.fsPath).catch((error: unknown) => Promise.reject(asFileError(error, uri)));
  return { size: stat.size, isFile: stat.isFile() };
}

async function workspaceStat(uri: vscode.Uri): Promise<{ size: number; isFile: boolean }> {
  const stat = await vscode.workspace.fs.stat(uri);
  return { size: stat.size, isFile: (stat.type & vscode.FileType.File) !== 0 };
}

function asFileError(error: unknown, uri: vscode.Uri): unknown {
  return (error as { code?: unknown }).code === 'ENOENT' ? vscode.FileSystemError.FileNotFound(uri) : error;
}

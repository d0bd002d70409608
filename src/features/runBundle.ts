import * as vscode from 'vscode';

/**
 * Runs one of the extension's own bundles in the web extension host, which can require only
 * `vscode`: the bundle is read and run as the host runs the extension's own (a CommonJS
 * function of module, exports and require). Returns its exports.
 */
export async function runOwnBundle(extensionUri: vscode.Uri, ...path: string[]): Promise<unknown> {
  const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...path)));
  const module = { exports: {} };
  const requireVscode = (id: string) => {
    if (id === 'vscode') return vscode;
    throw new Error(`Cannot load module '${id}'`);
  };
  new Function('module', 'exports', 'require', source)(module, module.exports, requireVscode);
  return module.exports;
}

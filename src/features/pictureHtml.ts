import * as vscode from 'vscode';

/** A fresh nonce for each page (122 random bits, as 32 hex digits): the only script that may run is the one it names. */
const nonce = () => crypto.randomUUID().replaceAll('-', '');

/**
 * A picture's page: its own bundle and stylesheet under dist/webview/, and a Content Security
 * Policy that lets nothing else in: no other script, no eval, no remote origin, no inline style
 * element (styles set through the DOM are allowed). The page holds no file text: the data comes
 * by message, and the bundle shows it as text.
 */
export function pictureHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string): string {
  const file = (extension: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${bundle}.${extension}`));
  const once = nonce();
  const source = webview.cspSource;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${once}'; style-src ${source}; img-src ${source} blob: data:; font-src ${source}">
<link rel="stylesheet" href="${file('css')}"><title>${title}</title></head>
<body><script nonce="${once}" src="${file('js')}"></script></body></html>`;
}

import * as vscode from 'vscode';
import { base64 } from '../core';

/** A fresh nonce for each page (122 random bits, as 32 hex digits): the only script that may run is the one it names. */
const nonce = () => crypto.randomUUID().replaceAll('-', '');

/**
 * A picture's page: its own bundle and stylesheet under dist/webview/, and a Content Security
 * Policy that lets nothing else in: no other script, no eval, no remote origin, no inline style
 * element (styles set through the DOM are allowed). File text never enters it as HTML: the data
 * comes by message, or, for a small picture's first drawing, as the JSON of its first messages
 * (`messagesJson`) in base64 (`firstMessages` in the page), and the bundle shows it as text.
 */
export function pictureHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string, messagesJson = ''): string {
  const file = (extension: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${bundle}.${extension}`));
  const once = nonce();
  const source = webview.cspSource;
  // Base64's letters, digits, `+`, `/` and `=`: nothing HTML reads.
  const messages = messagesJson ? `<meta name="picture-messages" content="${base64(new TextEncoder().encode(messagesJson))}">` : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${once}'; style-src ${source}; img-src ${source} blob: data:; font-src ${source}">
<link rel="stylesheet" href="${file('css')}"><title>${title}</title>${messages}</head>
<body><script nonce="${once}" src="${file('js')}"></script></body></html>`;
}

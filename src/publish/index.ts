// The product's two forms, a bundle of its own (dist/publish.js) with markdown-it and docx, read
// only to publish: by `briefing publish`, and by the editor's "Publish as…" commands (in VS Code
// for the Web too: it uses nothing of Node).
export { productHtml } from './html';
export { productDocx } from './docx';
export type { Figure } from './figure';

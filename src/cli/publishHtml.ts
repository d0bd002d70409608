/**
 * The printable page of `briefing publish`: a bundle of its own (dist/publishHtml.js, markdown-it
 * and this file), read by the program only for that command, so that the other commands, run as
 * new processes in CI, do not load markdown-it.
 */
import MarkdownIt from 'markdown-it';
import type { Product } from '../core';

/** CommonMark as VS Code's preview renders it (markdown-it), with HTML in the briefing shown as text. */
const markdown = new MarkdownIt('commonmark', { html: false });
// Links only to the web; any other (javascript:, file:, a relative path) stays as the text written.
markdown.validateLink = (url: string) => /^https?:\/\//i.test(url.trim());
// No picture loads from anywhere: an image is a link to it.
markdown.disable('image');
const { escapeHtml } = markdown.utils;

/** The page's look, on screen and on paper: the banner fixed at the top and bottom of each page. */
const STYLE = `
@page { size: A4; margin: 12mm 16mm; }
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #000; background: #fff; margin: 0; }
.banner { position: fixed; left: 0; right: 0; text-align: center; font: bold 10pt/1.6 Arial, Helvetica, sans-serif; letter-spacing: 0.04em; background: #fff; }
.banner.top { top: 0; }
.banner.bottom { bottom: 0; }
.tlp { font-weight: normal; margin-left: 1.5em; }
table.page { width: 100%; border-collapse: collapse; }
table.page > thead td, table.page > tfoot td { height: 2.2em; }
main { max-width: 46em; margin: 0 auto; padding: 0 1em; }
.meta { font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #333; }
h1, h2, h3 { font-family: Arial, Helvetica, sans-serif; break-after: avoid; }
table.events { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
table.events th, table.events td { border: 1px solid #999; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
table.events tr { break-inside: avoid; }
pre, code { font-family: 'Courier New', monospace; font-size: 9.5pt; }
pre { white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 0.8em; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; color: #222; }
.sources dt { font-weight: bold; }
.sources dd { margin: 0 0 0.5em 2em; }
`;

function eventsTable(product: Product): string {
  if (product.events.length === 0) return '';
  const rows = product.events.map(
    (event) =>
      `<tr><td>${escapeHtml(event.date)}</td><td>${markdown.renderInline(event.text)}</td><td>${escapeHtml(event.actors.join(', '))}</td><td>${escapeHtml(event.places.join(', '))}</td></tr>`,
  );
  // At the marker, the table stands under the briefing's own heading; at the end, under its own.
  const heading = product.tableAtMarker ? '' : '<h2>Events</h2>\n';
  return `<section class="events-section">\n${heading}<table class="events">\n<thead><tr><th>Date</th><th>Event</th><th>Actors</th><th>Places</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n</section>\n`;
}

function sourcesList(product: Product): string {
  if (product.sources.length === 0) return '';
  const entries = product.sources.map((source) => {
    const grade = source.grade ? ` <span class="grade">(${escapeHtml(source.grade)}: ${escapeHtml(source.gradeMeaning ?? '')})</span>` : '';
    return `<dt id="source-${escapeHtml(source.id)}">[${escapeHtml(source.id)}]</dt><dd>${markdown.renderInline(source.text)}${grade}</dd>`;
  });
  return `<section class="sources">\n<h2>Sources</h2>\n<dl>\n${entries.join('\n')}\n</dl>\n</section>\n`;
}

/**
 * The product as one self-contained HTML page, for a browser to print to PDF: no script, no
 * resource from anywhere (its policy allows its own style alone), the banner at the top and
 * bottom of every printed page, the events table where `<!-- events -->` stood or at the end,
 * then the sources with their grades.
 */
export function productHtml(product: Product): string {
  const banner = product.banner ? escapeHtml(product.banner) : '';
  const tlp = product.tlp ? `<span class="tlp">TLP:${escapeHtml(product.tlp)}</span>` : '';
  const bannerLine = (where: 'top' | 'bottom') => (banner || tlp ? `<div class="banner ${where}" role="note" aria-label="Classification">${banner}${tlp}</div>\n` : '');
  const meta = [product.date, product.author].filter((part): part is string => Boolean(part)).map(escapeHtml);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="classification" content="${banner}">
<title>${escapeHtml(product.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${bannerLine('top')}${bannerLine('bottom')}<table class="page">
<thead><tr><td></td></tr></thead>
<tfoot><tr><td></td></tr></tfoot>
<tbody><tr><td>
<main>
${meta.length > 0 ? `<p class="meta">${meta.join(' · ')}</p>\n` : ''}${markdown.render(product.before)}${eventsTable(product)}${markdown.render(product.after)}${sourcesList(product)}</main>
</td></tr></tbody>
</table>
</body>
</html>
`;
}

/** The printable page: the product as one HTML file for a browser to print to PDF. */
import { base64, type Product } from '../core';
import { figureCaption, type Figure } from './figure';
import { metaParts, tlpLabel } from './labels';
import { markdown } from './markdown';

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
figure { margin: 1em 0; break-inside: avoid; text-align: center; }
figure img { max-width: 100%; max-height: 22cm; }
figcaption { font: italic 9.5pt Arial, Helvetica, sans-serif; margin-top: 0.3em; }
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

/** The figures: each picture an image of its SVG (an image runs no script), with its caption. */
function figuresOf(figures: readonly Figure[]): string {
  return figures
    .map((figure, index) => {
      const caption = escapeHtml(figureCaption(figure, index));
      const data = base64(new TextEncoder().encode(figure.svg));
      return `<figure>\n<img src="data:image/svg+xml;base64,${data}" alt="${caption}">\n<figcaption>${caption}</figcaption>\n</figure>\n`;
    })
    .join('');
}

/**
 * The product as one self-contained HTML page, for a browser to print to PDF: no script, no
 * resource from anywhere (its policy allows its own style alone, and the figures' images, which
 * it holds), the banner at the top and bottom of every printed page, the body, its figures, the
 * events table where `<!-- events -->` stood or at the end, then the sources with their grades.
 */
export function productHtml(product: Product, figures: readonly Figure[] = []): string {
  const banner = product.banner ? escapeHtml(product.banner) : '';
  const label = tlpLabel(product);
  const tlp = label ? `<span class="tlp">${escapeHtml(label)}</span>` : '';
  const bannerLine = (where: 'top' | 'bottom') => (banner || tlp ? `<div class="banner ${where}" role="note" aria-label="Classification">${banner}${tlp}</div>\n` : '');
  const meta = metaParts(product).map(escapeHtml);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${figures.length > 0 ? '; img-src data:' : ''}">
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
${meta.length > 0 ? `<p class="meta">${meta.join(' · ')}</p>\n` : ''}${markdown.render(product.before)}${product.tableAtMarker ? eventsTable(product) : ''}${markdown.render(product.after)}${figuresOf(figures)}${product.tableAtMarker ? '' : eventsTable(product)}${sourcesList(product)}</main>
</td></tr></tbody>
</table>
</body>
</html>
`;
}

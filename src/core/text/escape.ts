/**
 * The one escaping helper for text that comes from a file and is shown as Markdown (hover
 * cards, tree tooltips, completion documentation). Every ASCII punctuation character is
 * backslash-escaped, so nothing in the text can open a link, an image, HTML, code, emphasis or
 * an autolink (`https\://` and `www\.` no longer look like URLs); line breaks and runs of
 * whitespace become one space, so the text cannot start a heading, list or table; very long
 * text is cut with an ellipsis.
 */
export function escapeMarkdown(text: string, maxLength = 500): string {
  const flat = oneLine(text);
  const cut = flat.length > maxLength ? `${flat.slice(0, maxLength - 1).trimEnd()}…` : flat;
  return cut.replace(/[\\`*_{}[\]()#+\-.!|<>~:&"'=$%@^,;?/]/g, '\\$&');
}

/** Plain text for places that render no Markdown (tree labels, descriptions): one line, cut. */
export function plainText(text: string, maxLength = 200): string {
  const flat = oneLine(text);
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1).trimEnd()}…` : flat;
}

/** Text on one line: each run of whitespace (line breaks included) one space, none at the ends. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A URL fit for a Markdown link in a card: http or https only, no characters that could end the link. */
export function safeLinkTarget(url: string): string | undefined {
  return /^https?:\/\/[^\s<>"'`\\()[\]]+$/i.test(url) ? url : undefined;
}

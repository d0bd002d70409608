import MarkdownIt from 'markdown-it';

/**
 * CommonMark as VS Code's preview reads it (markdown-it), for both forms of the product: HTML in
 * a briefing is text, a link goes only to the web (any other, such as javascript:, file: or a
 * relative path, stays the text written), and a picture is a link to it, never loaded.
 */
export const markdown = new MarkdownIt('commonmark', { html: false });
markdown.validateLink = (url: string) => /^https?:\/\//i.test(url.trim());
markdown.disable('image');

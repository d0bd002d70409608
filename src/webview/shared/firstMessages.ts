/**
 * The messages the extension wrote into the page as it made it (`pictureHtml`): a small picture's
 * first data, so that it draws without a trip to the extension and back. They are base64 of their
 * JSON in a meta element's attribute: data, never HTML. None when the page was made without them.
 */
export function firstMessages<M>(): readonly M[] {
  const carried = document.querySelector('meta[name="picture-messages"]')?.getAttribute('content');
  if (!carried) return [];
  try {
    const bytes = Uint8Array.from(atob(carried), (character) => character.charCodeAt(0));
    const messages: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return Array.isArray(messages) ? (messages as M[]) : [];
  } catch {
    return [];
  }
}

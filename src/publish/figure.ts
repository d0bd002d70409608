/** A picture of the briefing (its timeline, link chart or map) as a figure of the product. */
export interface Figure {
  /** What the figure shows: "Timeline", "Link Chart", "Map". */
  readonly caption: string;
  /** The picture as its export writes it, in the light print style: the page's figure, and the Word document's. */
  readonly svg: string;
  /** The same picture drawn as PNG: the Word document's figure where SVG is not read. */
  readonly png: Uint8Array;
}

/** The width and height of a PNG, from its header (undefined when the bytes are not a PNG). */
export function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((byte, index) => png[index] !== byte)) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The figure's number and caption, as both forms print it. */
export const figureCaption = (figure: Figure, index: number) => `Figure ${index + 1}. ${figure.caption}`;

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element; a text as a text node, which the serializer escapes (a name is never markup). */
export function svgElement(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const made = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, String(value));
  if (text !== undefined) made.textContent = text;
  return made;
}

/** An empty picture of a size, with its background. */
export function svgPicture(width: number, height: number, background: string, font: { family: string; size: string }): SVGElement {
  const svg = svgElement('svg', { xmlns: SVG, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font.family, 'font-size': font.size });
  svg.append(svgElement('rect', { width, height, fill: background }));
  return svg;
}

/** The picture as an SVG file's text. */
export function svgFile(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

/** An SVG's text drawn on a canvas at twice its size: a PNG's bytes, in base64. */
export async function svgToPng(svg: string, width: number, height: number): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}

import type { PictureFormat, PictureStyle } from '../../core';
import { svgElement, svgFile, svgPicture, svgToPng } from '../shared/svg';

const PRINT = { background: '#ffffff', text: '#000000', line: '#bbbbbb', item: '#dde6f7', border: '#1f3f7a', selected: '#ffd54a' };

interface Colours {
  background: string;
  text: string;
  line: string;
}

/**
 * The timeline as it shows now, drawn as SVG from the positions vis-timeline gave its elements:
 * the lanes' names, the axis, and every item in sight with its label. In the theme's colours as
 * computed, or black on white for print.
 */
export function timelineSvg(root: HTMLElement, style: PictureStyle): { svg: string; width: number; height: number } {
  const frame = root.getBoundingClientRect();
  const css = (element: Element) => getComputedStyle(element);
  const page = css(document.body);
  const colours: Colours =
    style === 'print' ? PRINT : { background: page.backgroundColor, text: page.color, line: css(root.querySelector('.vis-panel.vis-center') ?? root).borderTopColor };
  const width = Math.round(frame.width);
  const height = Math.round(frame.height);
  const svg = svgPicture(width, height, colours.background, { family: page.fontFamily, size: page.fontSize });
  const at = (element: Element) => {
    const box = element.getBoundingClientRect();
    return { x: box.left - frame.left, y: box.top - frame.top, width: box.width, height: box.height, right: box.right - frame.left, bottom: box.bottom - frame.top };
  };
  const centre = root.querySelector('.vis-panel.vis-center');
  const clip = centre ? at(centre) : { x: 0, y: 0, width, height, right: width, bottom: height };
  const inSight = (box: { x: number; right: number; y: number; bottom: number }) => box.right > clip.x && box.x < clip.right && box.bottom > clip.y && box.y < clip.bottom;
  let clips = 0;
  /** A clip path for a box: labels stay in their bar, and items in the picture's frame, as on screen. */
  const clipTo = (box: { x: number; y: number; width: number; height: number }) => {
    const id = `clip${clips++}`;
    svg.append(svgElement('clipPath', { id }));
    svg.lastElementChild!.append(svgElement('rect', { x: box.x, y: box.y, width: box.width, height: box.height }));
    return `url(#${id})`;
  };
  const frameClip = clipTo(clip);
  // The axis is above the items' frame: clipped to its width only.
  const axisClip = clipTo({ x: clip.x, y: 0, width: clip.width, height });
  const textAt = (element: Element, x: number, y: number, clipPath?: string) => {
    const value = element.textContent?.trim() ?? '';
    if (value) svg.append(svgElement('text', { x, y, fill: colours.text, 'dominant-baseline': 'middle', ...(clipPath ? { 'clip-path': clipPath } : {}) }, value));
  };

  for (const line of root.querySelectorAll('.vis-time-axis .vis-grid.vis-vertical')) {
    const box = at(line);
    if (box.x >= clip.x && box.x <= clip.right) svg.append(svgElement('line', { x1: box.x, x2: box.x, y1: box.y, y2: height, stroke: colours.line, 'stroke-width': 1 }));
  }
  // vis-timeline measures its characters with hidden texts ("0"): not part of the picture.
  for (const label of root.querySelectorAll('.vis-time-axis .vis-text:not(.vis-measure)')) {
    const box = at(label);
    if (box.x >= clip.x - 1 && box.x < clip.right) textAt(label, box.x + 4, box.y + box.height / 2, axisClip);
  }
  for (const lane of root.querySelectorAll('.vis-labelset .vis-label')) {
    const box = at(lane);
    if (box.bottom <= clip.y || box.y >= clip.bottom) continue;
    svg.append(svgElement('line', { x1: 0, x2: width, y1: box.bottom, y2: box.bottom, stroke: colours.line, 'stroke-width': 1 }));
    textAt(lane, box.x + 6, box.y + Math.min(box.height / 2, 14));
  }
  for (const item of root.querySelectorAll('.vis-foreground .vis-item')) {
    const box = at(item);
    if (!inSight(box)) continue;
    const look = css(item);
    const approximate = item.classList.contains('approximate');
    const selected = item.classList.contains('vis-selected');
    const fill = style === 'print' ? (selected ? PRINT.selected : PRINT.item) : look.backgroundColor;
    const stroke = style === 'print' ? PRINT.border : look.borderTopColor;
    const dash = approximate ? { 'stroke-dasharray': '4 3' } : {};
    const label = item.querySelector('.vis-item-content') ?? item;
    const labelBox = at(label);
    const range = item.classList.contains('vis-range');
    if (range) {
      svg.append(
        svgElement('rect', { x: box.x, y: box.y, width: Math.max(box.width, 1), height: box.height, rx: 2, fill, stroke, 'stroke-width': 1, 'clip-path': frameClip, ...dash }),
      );
    } else {
      const dot = item.querySelector('.vis-dot');
      const dotBox = dot ? at(dot) : box;
      svg.append(svgElement('circle', { cx: dotBox.x + dotBox.width / 2, cy: dotBox.y + dotBox.height / 2, r: 4, fill: stroke, stroke, 'clip-path': frameClip, ...dash }));
    }
    const visible = range ? { x: Math.max(box.x, clip.x), y: box.y, width: Math.min(box.right, clip.right) - Math.max(box.x, clip.x), height: box.height } : clip;
    textAt(label, Math.max(labelBox.x, clip.x) + 2, labelBox.y + labelBox.height / 2, clipTo(visible));
  }
  return { svg: new XMLSerializer().serializeToString(svg), width, height };
}

/** The picture as SVG text, or as PNG bytes in base64 (the SVG drawn on a canvas at twice its size). */
export async function drawPicture(root: HTMLElement, format: PictureFormat, style: PictureStyle): Promise<string> {
  const { svg, width, height } = timelineSvg(root.querySelector('.vis-timeline') ?? root, style);
  return format === 'svg' ? svgFile(svg) : svgToPng(svg, width, height);
}

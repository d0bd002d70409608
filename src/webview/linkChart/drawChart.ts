import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { PictureStyle } from '../../core';
import { svgElement, svgPicture } from '../shared/svg';
import type { NodeClass } from './chartFilter';

/** Black on white, with node colours that print (the theme's are made for its background). */
const PRINT = { background: '#ffffff', text: '#000000', muted: '#888888', selected: '#000000' };
const PRINT_NODES: Record<NodeClass, string> = { person: '#7b4fb8', other: '#7b4fb8', state: '#1a65c9', organization: '#2e7d32', group: '#c62828', place: '#d06b00' };
const MARGIN = 24;
/** A picture of a chart of thousands of nodes stays a size a product can take: scaled down to this side. */
const LARGEST_SIDE = 2400;
const LABEL_LENGTH = 24;

export interface ChartColours {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly selected: string;
  readonly font: { readonly family: string; readonly size: string };
}

/** A node's outline as cytoscape draws its shape: a polygon's corners around its centre. */
function corners(count: number, radius: number, x: number, y: number, turn: number): string {
  return Array.from({ length: count }, (_, i) => {
    const angle = turn + (2 * Math.PI * i) / count;
    return `${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`;
  }).join(' ');
}

function nodeShape(shape: string, x: number, y: number, size: number, paint: Record<string, string | number>): SVGElement {
  const radius = size / 2;
  switch (shape) {
    case 'round-rectangle':
      return svgElement('rect', { x: x - radius, y: y - radius, width: size, height: size, rx: size / 5, ...paint });
    case 'round-hexagon':
      return svgElement('polygon', { points: corners(6, radius, x, y, 0), ...paint });
    case 'round-diamond':
      return svgElement('polygon', { points: corners(4, radius, x, y, -Math.PI / 2), ...paint });
    case 'round-triangle':
      return svgElement('polygon', { points: corners(3, radius, x, y, -Math.PI / 2), ...paint });
    default:
      return svgElement('circle', { cx: x, cy: y, r: radius, ...paint });
  }
}

const shortened = (text: string) => (text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text);

/**
 * The chart as it shows now (what its filters leave, which is what cytoscape holds, where it is
 * laid out; not only what is in sight), drawn as SVG from cytoscape's positions: the shared events as lines, the relations as
 * labelled arrows, the nodes in their shapes and colours with their names. In the theme's colours
 * as computed, or for print.
 */
export function chartSvg(cy: Core, style: PictureStyle, theme: ChartColours): { svg: string; width: number; height: number } {
  const colours = style === 'print' ? { ...theme, ...PRINT } : theme;
  const shown = cy.elements();
  const box = shown.nonempty() ? shown.boundingBox({ includeLabels: true }) : { x1: 0, y1: 0, w: 0, h: 0 };
  const width = Math.ceil(box.w + 2 * MARGIN);
  const height = Math.ceil(box.h + 2 * MARGIN);
  const scale = Math.min(1, LARGEST_SIDE / Math.max(width, height));
  const svg = svgPicture(width, height, colours.background, colours.font);
  // Drawn in the chart's own units; the picture's size scaled down when it is very large.
  svg.setAttribute('width', String(Math.ceil(width * scale)));
  svg.setAttribute('height', String(Math.ceil(height * scale)));
  const at = (element: NodeSingular) => ({ x: element.position('x') - box.x1 + MARGIN, y: element.position('y') - box.y1 + MARGIN });

  for (const edge of shown.edges().filter('.events') as unknown as EdgeSingular[]) {
    const from = at(edge.source());
    const to = at(edge.target());
    svg.append(svgElement('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y, stroke: colours.muted, 'stroke-opacity': 0.55, 'stroke-width': edge.data('width') }));
  }
  for (const edge of shown.edges().filter('.relation') as unknown as EdgeSingular[]) {
    const from = at(edge.source());
    const to = at(edge.target());
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const unit = { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
    // The arrow ends at the target's edge.
    const tip = { x: to.x - unit.x * (edge.target().data('size') / 2 + 1), y: to.y - unit.y * (edge.target().data('size') / 2 + 1) };
    const back = { x: tip.x - unit.x * 9, y: tip.y - unit.y * 9 };
    const side = { x: -unit.y * 4.5, y: unit.x * 4.5 };
    svg.append(
      svgElement('line', { x1: from.x, y1: from.y, x2: back.x, y2: back.y, stroke: colours.text, 'stroke-width': 2 }),
      svgElement('polygon', { points: `${tip.x},${tip.y} ${back.x + side.x},${back.y + side.y} ${back.x - side.x},${back.y - side.y}`, fill: colours.text }),
      svgElement(
        'text',
        {
          x: (from.x + to.x) / 2,
          y: (from.y + to.y) / 2,
          fill: colours.text,
          'font-size': 10,
          'text-anchor': 'middle',
          'dominant-baseline': 'middle',
          stroke: colours.background,
          'stroke-width': 3,
          'paint-order': 'stroke',
        },
        edge.data('label'),
      ),
    );
  }
  for (const node of shown.nodes() as unknown as NodeSingular[]) {
    const { x, y } = at(node);
    const size = node.data('size') as number;
    const fill = style === 'print' ? PRINT_NODES[node.data('class') as NodeClass] : (node.data('colour') as string);
    const outlined = node.selected() ? { stroke: colours.selected, 'stroke-width': 3 } : {};
    svg.append(
      nodeShape(node.data('shape'), x, y, size, { fill, ...outlined }),
      svgElement(
        'text',
        { x, y: y + size / 2 + 13, fill: colours.text, 'font-size': 11, 'text-anchor': 'middle', 'font-weight': node.selected() ? 'bold' : 'normal' },
        shortened(node.data('label') as string),
      ),
    );
  }
  return { svg: new XMLSerializer().serializeToString(svg), width: Math.ceil(width * scale), height: Math.ceil(height * scale) };
}

/** The Word document: the product through the `docx` package (docs/cli.md, "Publish"). */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type { Product } from '../core';
import { figureCaption, pngSize, type Figure } from './figure';
import { bannerParts, metaParts, tlpLabel } from './labels';
import { markdown } from './markdown';

type Token = ReturnType<typeof markdown.parse>[number];

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const CODE_FONT = 'Courier New';
/** A level of list indentation, in twips (a quarter inch). */
const INDENT = 360;

/** How a run is styled where it stands: the inline marks open around it. */
interface Marks {
  bold: boolean;
  italics: boolean;
}

/** The runs of one inline token's children: text, emphasis, code, breaks and links to the web. */
function runsOf(children: readonly Token[]): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  const marks: Marks = { bold: false, italics: false };
  let link: { href: string; runs: TextRun[] } | undefined;
  const push = (run: TextRun) => (link ? link.runs.push(run) : runs.push(run));
  const text = (value: string, extra: { font?: string } = {}) =>
    // A mark left unset, not false: false would undo a style's bold (a heading's, the table's).
    push(new TextRun({ text: value, bold: marks.bold || undefined, italics: marks.italics || undefined, style: link ? 'Hyperlink' : undefined, ...extra }));
  for (const token of children) {
    switch (token.type) {
      case 'text':
        text(token.content);
        break;
      case 'code_inline':
        text(token.content, { font: CODE_FONT });
        break;
      // A line break in a paragraph reads as a space, as a browser shows it.
      case 'softbreak':
        text(' ');
        break;
      case 'hardbreak':
        push(new TextRun({ break: 1 }));
        break;
      case 'strong_open':
      case 'strong_close':
        marks.bold = token.type === 'strong_open';
        break;
      case 'em_open':
      case 'em_close':
        marks.italics = token.type === 'em_open';
        break;
      case 'link_open':
        link = { href: String(token.attrGet('href') ?? ''), runs: [] };
        break;
      case 'link_close':
        if (link) runs.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
        link = undefined;
        break;
      default:
        // Nothing else reaches here with HTML and pictures off; its text, if any, is kept.
        if (token.content) text(token.content);
    }
  }
  return runs;
}

/** The runs of a line of inline Markdown (an event's text, a source's). */
const inlineRuns = (text: string) => runsOf(markdown.parseInline(text, {})[0]?.children ?? []);

/** Where a block stands: in which lists (innermost last) and inside how many block quotes. */
interface Context {
  readonly lists: { readonly reference: string; readonly instance: number; itemParagraphs: number }[];
  quotes: number;
}

/** The numbering of the document's lists: bullets, and numbers from each start a briefing uses. */
class Numbering {
  readonly #starts = new Set<number>();
  #instances = 0;

  reference(ordered: boolean, start: number): { reference: string; instance: number } {
    if (!ordered) return { reference: 'bullets', instance: 0 };
    this.#starts.add(start);
    return { reference: `numbers-from-${start}`, instance: ++this.#instances };
  }

  options(): INumberingOptions {
    const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string, start = 1): ILevelsOptions[] =>
      Array.from({ length: 9 }, (_, level) => ({
        level,
        format,
        text: text(level),
        start,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
      }));
    const bullets = ['•', '◦', '▪'];
    return {
      config: [
        { reference: 'bullets', levels: levels(LevelFormat.BULLET, (level) => bullets[level % bullets.length]) },
        ...[...this.#starts].map((start) => ({ reference: `numbers-from-${start}`, levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`, start) })),
      ],
    };
  }
}

/** The paragraphs of a stretch of the body's Markdown, as CommonMark reads it. */
function blocksOf(source: string, numbering: Numbering): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const context: Context = { lists: [], quotes: 0 };
  let heading: (typeof HEADINGS)[number] | undefined;
  const quoteIndent = () => context.quotes * INDENT * 2;
  const quoteStyle = () => (context.quotes > 0 ? 'BlockQuote' : undefined);
  const paragraph = (children: ParagraphChild[]) => {
    const list = context.lists.at(-1);
    // A list item's first paragraph carries its bullet or number; the others stand under it.
    if (list && list.itemParagraphs++ === 0) {
      const level = context.lists.length - 1;
      paragraphs.push(new Paragraph({ children, style: quoteStyle(), numbering: { reference: list.reference, level, instance: list.instance } }));
    } else {
      const left = context.lists.length * INDENT + quoteIndent();
      paragraphs.push(new Paragraph({ children, style: quoteStyle(), indent: left > 0 ? { left } : undefined }));
    }
  };
  for (const token of markdown.parse(source, {})) {
    switch (token.type) {
      case 'heading_open':
        heading = HEADINGS[Number(token.tag.slice(1)) - 1];
        break;
      case 'heading_close':
        heading = undefined;
        break;
      case 'inline':
        if (heading) paragraphs.push(new Paragraph({ heading, children: runsOf(token.children ?? []) }));
        else paragraph(runsOf(token.children ?? []));
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const { reference, instance } = numbering.reference(token.type === 'ordered_list_open', Number(token.attrGet('start') ?? 1));
        context.lists.push({ reference, instance, itemParagraphs: 0 });
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
        context.lists.pop();
        break;
      case 'list_item_open': {
        const list = context.lists.at(-1);
        if (list) list.itemParagraphs = 0;
        break;
      }
      case 'blockquote_open':
        context.quotes++;
        break;
      case 'blockquote_close':
        context.quotes--;
        break;
      case 'code_block':
      case 'fence': {
        const lines = token.content.replace(/\n$/, '').split('\n');
        const children = lines.map((line, index) => new TextRun({ text: line, font: CODE_FONT, break: index > 0 ? 1 : undefined }));
        paragraphs.push(new Paragraph({ children, style: 'CodeBlock', indent: { left: context.lists.length * INDENT + quoteIndent() + INDENT } }));
        break;
      }
      case 'hr':
        paragraphs.push(new Paragraph({ thematicBreak: true, children: [] }));
        break;
    }
  }
  return paragraphs;
}

// A body cell takes the document's style, and its column's width from the table's grid: a style
// or a width of its own on each of L's 25,000 cells cost half the time of the document.
const cell = (children: ParagraphChild[]) => new TableCell({ children: [new Paragraph({ children })] });
/** The events table's columns, in percent of the page's width: the header's cells give the grid. */
const COLUMNS = [
  ['Date', 16],
  ['Event', 50],
  ['Actors', 19],
  ['Places', 15],
] as const;

function eventsTable(product: Product): (Paragraph | Table)[] {
  if (product.events.length === 0) return [];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: COLUMNS.map(
      ([title, percent]) =>
        new TableCell({
          width: { size: percent, type: WidthType.PERCENTAGE },
          children: [new Paragraph({ style: 'TableHeading', children: [new TextRun({ text: title, bold: true })] })],
        }),
    ),
  });
  const rows = product.events.map(
    (event) =>
      new TableRow({
        cantSplit: true,
        children: [cell([new TextRun(event.date)]), cell(inlineRuns(event.text)), cell([new TextRun(event.actors.join(', '))]), cell([new TextRun(event.places.join(', '))])],
      }),
  );
  const table = new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
  // At the marker, the table stands under the briefing's own heading; at the end, under its own.
  return product.tableAtMarker ? [table] : [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Events')] }), table];
}

function sourcesList(product: Product): Paragraph[] {
  if (product.sources.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Sources')] }),
    ...product.sources.map(
      (source) =>
        new Paragraph({
          style: 'Source',
          children: [
            new TextRun({ text: `[${source.id}] `, bold: true }),
            ...inlineRuns(source.text),
            ...(source.grade ? [new TextRun({ text: ` (${source.grade}: ${source.gradeMeaning ?? ''})`, italics: true })] : []),
          ],
        }),
    ),
  ];
}

/** The widest a figure is drawn: the page's width between its margins, in pixels at 96 to the inch. */
const FIGURE_WIDTH = 600;

/** The figures: each picture as SVG (with its PNG for Word processors that do not read SVG), then its caption. */
function figuresOf(figures: readonly Figure[]): Paragraph[] {
  return figures.flatMap((figure, index) => {
    const size = pngSize(figure.png);
    if (!size) return [];
    const scale = Math.min(1, FIGURE_WIDTH / size.width);
    const caption = figureCaption(figure, index);
    const image = new ImageRun({
      type: 'svg',
      data: new TextEncoder().encode(figure.svg),
      fallback: { type: 'png', data: figure.png },
      transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
      altText: { name: caption, description: caption, title: caption },
    });
    return [new Paragraph({ style: 'Figure', keepNext: true, children: [image] }), new Paragraph({ style: 'Caption', children: [new TextRun(caption)] })];
  });
}

/** The banner line of the page's header and footer: the classification, and the TLP label beside it. */
function bannerParagraph(product: Product): Paragraph {
  return new Paragraph({ style: 'Banner', children: [new TextRun(bannerParts(product).join('   '))] });
}

/**
 * The product as a Word document: the banner in every page's header and footer, the body as
 * CommonMark reads it (headings, lists, emphasis, links to the web, block quotes, code), its
 * figures, the events table where `<!-- events -->` stood or at the end (its heading row
 * repeated on each page), then the sources with their grades. Its core properties carry the title, the author and
 * the classification (the subject and a custom property "Classification", which marking tools read).
 */
export async function productDocx(product: Product, figures: readonly Figure[] = []): Promise<Uint8Array> {
  const numbering = new Numbering();
  const meta = metaParts(product).join(' · ');
  // The title is the document's property, as it is the page's: the body's own heading shows it.
  const body = [
    ...(meta ? [new Paragraph({ style: 'Meta', children: [new TextRun(meta)] })] : []),
    ...blocksOf(product.before, numbering),
    ...(product.tableAtMarker ? eventsTable(product) : []),
    ...blocksOf(product.after, numbering),
    ...figuresOf(figures),
    ...(product.tableAtMarker ? [] : eventsTable(product)),
    ...sourcesList(product),
  ];
  const banner = product.banner || product.tlp;
  const tlp = tlpLabel(product);
  const document = new Document({
    title: product.title,
    subject: product.banner,
    // Without an author, no name (the package would write "Un-named").
    creator: product.author ?? '',
    lastModifiedBy: product.author ?? '',
    keywords: bannerParts(product).join('; ') || undefined,
    customProperties: [...(product.banner ? [{ name: 'Classification', value: product.banner }] : []), ...(tlp ? [{ name: 'TLP', value: tlp }] : [])],
    numbering: numbering.options(),
    styles: {
      default: {
        document: { run: { font: 'Georgia', size: 22 } },
        heading1: { run: { font: 'Arial', bold: true, size: 34 }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading2: { run: { font: 'Arial', bold: true, size: 26 }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
        heading3: { run: { font: 'Arial', bold: true, size: 23 }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Banner', name: 'Banner', run: { font: 'Arial', bold: true, size: 20 }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'Meta', name: 'Meta', run: { font: 'Arial', size: 19, color: '333333' }, paragraph: { spacing: { after: 200 } } },
        {
          id: 'BlockQuote',
          name: 'Block Quote',
          run: { color: '222222' },
          paragraph: { indent: { left: INDENT * 2 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'CCCCCC', space: 8 } } },
        },
        { id: 'CodeBlock', name: 'Code Block', run: { font: CODE_FONT, size: 19 }, paragraph: { spacing: { before: 60, after: 60 } } },
        { id: 'TableHeading', name: 'Table Heading', run: { font: 'Arial', bold: true, size: 19 } },
        { id: 'Figure', name: 'Figure', paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 200 } } },
        { id: 'Caption', name: 'Caption', run: { font: 'Arial', italics: true, size: 19 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
        { id: 'Source', name: 'Source', paragraph: { indent: { left: INDENT * 2, hanging: INDENT * 2 }, spacing: { after: 100 } } },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, header: 400, footer: 400 } } },
        headers: banner ? { default: new Header({ children: [bannerParagraph(product)] }) } : undefined,
        footers: banner ? { default: new Footer({ children: [bannerParagraph(product)] }) } : undefined,
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

// A document tree to lines of text, for HTML pages and Word files alike: a block (paragraph,
// heading, list item, <br>) is a line; a table row is a line whose cells are separated by a tab,
// as a table copied as text is; scripts, styles and form controls give nothing. Blank space
// inside a block collapses to one space, as a browser shows it; the normalizer then drops a
// space between Chinese characters.

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'button', 'input', 'select', 'textarea', 'head', 'title', 'meta', 'link']);
const CELLS = new Set(['td', 'th']);

/** The lines made so far, and the line being built. */
class Lines {
  readonly done: string[] = [];
  private line = '';

  text(s: string): void {
    this.line += s.replace(/[\t\n\r\f ]+/g, ' ');
  }

  /** Ends the line (a block's edge); an empty line leaves nothing. */
  break(): void {
    const line = this.line.replace(/^ +| +$/g, '');
    if (line) this.done.push(line);
    this.line = '';
  }

  /** Lines made elsewhere (a cell's), each a line of its own. */
  lines(lines: string[]): void {
    this.break();
    this.done.push(...lines);
  }
}

/** More lines than this in one cell make its row part of the page's layout, not a table of data. */
const CELL_LINES = 3;

function walk(node: Node, out: Lines): void {
  if (node.nodeType === 3) return out.text(node.nodeValue ?? '');
  if (node.nodeType !== 1) return;
  const tag = (node as Element).tagName.toLowerCase();
  if (SKIPPED.has(tag)) return;
  if (tag === 'br') return out.break();
  if (tag === 'tr') return row(node as Element, out);
  const block = BLOCKS.has(tag);
  if (block) out.break();
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, out);
  if (block) out.break();
}

/**
 * A table row: a line of its cells separated by tabs, each cell's lines joined by a space. A row
 * of one cell, or with a cell of many lines (an article laid out in a table, as older sites
 * are), is layout: its cells' lines stay lines.
 */
function row(tr: Element, out: Lines): void {
  const cells: string[][] = [];
  for (let child = tr.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1 || !CELLS.has((child as Element).tagName.toLowerCase())) continue;
    const inner = new Lines();
    walk(child, inner);
    inner.break();
    cells.push(inner.done);
  }
  const filled = cells.filter((c) => c.length);
  if (filled.length <= 1 || filled.some((c) => c.length > CELL_LINES)) return out.lines(filled.flat());
  out.lines([cells.map((c) => c.join(' ').replace(/\t/g, ' ')).join('\t')]);
}

/** The lines of a node's text, blocks and rows each on their own line. */
export function linesOf(node: Node): string[] {
  const out = new Lines();
  walk(node, out);
  out.break();
  return out.done;
}

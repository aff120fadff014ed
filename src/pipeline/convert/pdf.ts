// PDF to text through Mozilla's pdf.js (its legacy build, made for Node): the text layer of each
// page, a page at a time, as lines in reading order; running headers, footers and page numbers
// dropped; pages separated by a blank line. Lines are kept as the page has them: the normalizer
// joins a Chinese sentence that the layout cut. The CMaps and standard fonts come from the
// package, so Chinese CID fonts decode offline.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { hasPdfHeader } from './detect.js';
import { ConvertError, type Converted } from './index.js';

/** A run of text on a page as it is shown (its rotation applied), in PDF units from the top left. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  /** the font's size on the page */
  size: number;
}

export interface PageLine {
  text: string;
  /** the baseline, in PDF units from the top of the page */
  y: number;
}

/** Runs whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.5;
/** A gap between two runs of a line this many font sizes wide separates two cells or columns. */
const CELL_GAP = 1;
/** A gap this wide between two Latin words or numbers is a space. */
const WORD_GAP = 0.15;

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}%.]/u.test(c) && c.charCodeAt(0) < 0x2e80;

/** The lines of a page, top to bottom, each one's runs left to right. Pure. */
export function pageLines(runs: readonly TextRun[]): PageLine[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const line = groups[groups.length - 1];
    const first = line?.[0];
    if (first && Math.abs(first.y - run.y) < SAME_LINE * Math.min(first.size, run.size)) line.push(run);
    else groups.push([run]);
  }
  return groups.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let text = line[0]!.str;
    for (let i = 1; i < line.length; i++) {
      const prev = line[i - 1]!;
      const run = line[i]!;
      const gap = run.x - (prev.x + prev.width);
      const size = Math.max(prev.size, run.size);
      const glue = gap >= CELL_GAP * size ? '\t' : gap >= WORD_GAP * size && isWordChar(text.at(-1)) && isWordChar(run.str[0]) ? ' ' : '';
      text += glue + run.str;
    }
    return { text: text.trim(), y: line[0]!.y };
  });
}

/** A line that is only a page number: 3, - 3 -, — 3 —, 第3页, 第3页 共10页, 3/10, Page 3 of 10. */
const PAGE_NUMBER = /^[\s\-–—－·•]*(?:第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+(?:\s*[/／]\s*\d+)?|page\s+\d+(?:\s+of\s+\d+)?)[\s\-–—－·•]*$/i;
/** How many lines at the top and at the bottom of a page may be a running header or footer. */
const EDGE_LINES = 2;

/** Where a line stands, so that the same header at the same place matches on every page. */
const edgeKey = (line: PageLine) => `${Math.round(line.y)}|${line.text.replace(/\s+/g, '').replace(/\d+/g, '#')}`;

/**
 * The pages without their running headers and footers: a line among the first or last
 * EDGE_LINES of a page that stands, the same words at the same height (its numbers aside), on
 * more than half of the pages and at least two; and a lone page number there. Pure.
 */
export function dropRunningLines(pages: readonly PageLine[][]): PageLine[][] {
  const edges = (lines: readonly PageLine[]) => [...new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)])];
  const seen = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(edges(lines).map(edgeKey))) seen.set(key, (seen.get(key) ?? 0) + 1);
  const running = (line: PageLine) => {
    const n = seen.get(edgeKey(line)) ?? 0;
    return n >= 2 && n > pages.length / 2;
  };
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((line) => !(edge.has(line) && (PAGE_NUMBER.test(line.text) || running(line))));
  });
}

/** The derived text of the pages: lines joined by a line break, pages by a blank line. Pure. */
export function joinPages(pages: readonly PageLine[][]): { text: string; pageStarts: number[] } {
  const pageStarts: number[] = [];
  let text = '';
  let codePoints = 0;
  pages.forEach((lines, i) => {
    const sep = i === 0 ? '' : '\n\n';
    text += sep;
    codePoints += sep.length;
    pageStarts.push(codePoints);
    const body = lines.map((l) => l.text).join('\n');
    text += body;
    codePoints += [...body].length;
  });
  return { text: pages.length ? text + '\n' : '', pageStarts };
}

/** Where pdf.js keeps its CMaps, fonts and decoders: beside its package.json, as paths (Node reads them from disk). */
function assets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/', wasmUrl: join(root, 'wasm') + '/' };
}

/** A complete PDF ends with %%EOF (within its last kilobyte, as readers allow). */
function hasEnd(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).subarray(Math.max(0, bytes.length - 1024));
  return tail.includes('%%EOF');
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * The text runs of page n, placed as the page is shown: its viewport turns a rotated page (a
 * landscape table) upright and puts y from the top. A page pdf.js cannot read makes the file a
 * broken one.
 */
async function pageRuns(pdfjs: PdfJs, doc: PdfDocument, n: number): Promise<TextRun[]> {
  let items;
  let viewport;
  try {
    const page = await doc.getPage(n);
    viewport = page.getViewport({ scale: 1 }).transform;
    items = (await page.getTextContent()).items;
    page.cleanup();
  } catch (e) {
    throw new ConvertError(`a broken PDF (page ${n}: ${(e as Error).message})`);
  }
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    const [a, b, , , x, y] = pdfjs.Util.transform(viewport, item.transform) as number[];
    runs.push({ str: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height });
  }
  return runs;
}

export async function pdfToText(bytes: Uint8Array): Promise<Converted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument, VerbosityLevel } = pdfjs;
  if (!hasPdfHeader(bytes)) throw new ConvertError('not a PDF file (no %PDF header)');
  // pdf.js would read what it can of a cut-off file and say nothing of the pages it lost.
  if (!hasEnd(bytes)) throw new ConvertError('a broken or cut-off PDF (no %%EOF at its end)');
  // pdf.js takes the bytes over: it gets a copy, so that the caller's can still be hashed.
  const task = getDocument({
    data: new Uint8Array(bytes),
    ...assets(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    if ((e as Error)?.name === 'PasswordException') throw new ConvertError('an encrypted PDF: it needs a password to open');
    throw new ConvertError(`a broken PDF (${(e as Error)?.message})`);
  }
  try {
    const pages: PageLine[][] = [];
    // One page at a time: its lines kept, its objects released before the next.
    for (let n = 1; n <= doc.numPages; n++) pages.push(pageLines(await pageRuns(pdfjs, doc, n)));
    if (!pages.some((lines) => lines.length)) throw new ConvertError('no text layer: scanned pages need OCR first');
    return { ...joinPages(dropRunningLines(pages)), encoding: 'utf-8' };
  } finally {
    await doc.destroy();
  }
}

// Conversion, the stage before normalize for inputs that are not plain text: a PDF, an HTML page
// or a Word file in, the text the tool derives from it out, with the offset where each page
// starts (PDF). Spans index that derived text. Bytes in, text out: reading files is the caller's.
import type { Encoding, Format } from '../../contract.js';

export interface Converted {
  /** the derived text: one line per line of a page or per block of a page, tables a row a line with tab-separated cells */
  text: string;
  /** the encoding the input's text was read in: the page's charset for HTML, utf-8 for PDF and DOCX */
  encoding: Encoding;
  /** PDF: the code-point offset of the derived text where each page starts, page 1 first */
  pageStarts?: number[];
}

/** An input that cannot be converted, in plain words: the CLI prints it after the input's name. */
export class ConvertError extends Error {}

export async function convert(bytes: Uint8Array, format: Format): Promise<Converted> {
  if (format === 'pdf') return (await import('./pdf.js')).pdfToText(bytes);
  if (format === 'docx') return (await import('./docx.js')).docxToText(bytes);
  return (await import('./html.js')).htmlToText(bytes);
}

/** The 1-based page of a code-point offset, by the pages' start offsets. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

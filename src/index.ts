// The public API: extract(text) and extractFile(path) return the same typed documents as the CLI.
import { readFile } from 'node:fs/promises';
import type { ExtractedDocument } from './contract.js';
import { documentFromInput, documentFromText } from './document.js';
import { detectFormat, HEAD_BYTES, type InputFormat } from './pipeline/convert/detect.js';
import { createExtractor, type ExtractOptions, type Extractor } from './pipeline/extract.js';
import { loadLibrary } from './patterns/load.js';

export * from './contract.js';
export { loadLibrary, PatternError, BUILTIN_PATTERNS } from './patterns/load.js';
export { createExtractor, type Extractor, type ExtractOptions } from './pipeline/extract.js';
export { DecodeError } from './pipeline/decode.js';
export { convert, ConvertError, type Converted } from './pipeline/convert/index.js';
export { detectFormat, type InputFormat } from './pipeline/convert/detect.js';

export interface Options extends ExtractOptions {
  /** what the document's `source` says; "-" by default for text */
  source?: string;
  /** an extractor from createExtractor(loadLibrary(...)), to use other patterns */
  extractor?: Extractor;
}

let defaultExtractor: Extractor | undefined;

export function builtinExtractor(): Extractor {
  defaultExtractor ??= createExtractor(loadLibrary());
  return defaultExtractor;
}

/** Extracts the indicators of a text. */
export function extract(text: string, options: Options = {}): ExtractedDocument {
  const bytes = new TextEncoder().encode(text);
  return documentFromText(options.extractor ?? builtinExtractor(), options.source ?? '-', text, 'utf-8', bytes, options);
}

/**
 * Reads a file and extracts its indicators: text (UTF-8, UTF-16 with BOM, or GB18030), or a PDF,
 * an HTML page or a Word file, converted first (told by content, then name, unless `format` says).
 */
export async function extractFile(path: string, options: Options & { format?: InputFormat } = {}): Promise<ExtractedDocument> {
  const bytes = await readFile(path);
  const format = options.format ?? detectFormat(bytes.subarray(0, HEAD_BYTES), path);
  return (await documentFromInput(options.extractor ?? builtinExtractor(), options.source ?? path, bytes, format, options)).doc;
}

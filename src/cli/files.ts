// Reading a large input a block at a time; the names of output files; telling whether two
// paths are one file.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { formatOfName } from '../pipeline/convert/detect.js';

/** How much of a large file is read at a time. */
const BLOCK = 1 << 20;

/** A file's bytes from the start, a block at a time, each time the result is called. */
export function fileBlocks(path: string): () => Generator<Uint8Array> {
  return function* () {
    const fd = openSync(path, 'r');
    try {
      for (;;) {
        const block = Buffer.allocUnsafe(BLOCK);
        const n = readSync(fd, block, 0, BLOCK, null);
        if (n === 0) return;
        yield block.subarray(0, n);
      }
    } finally {
      closeSync(fd);
    }
  };
}

/** The file a path leads to, links followed (its device and inode); null when there is none. */
export function fileIdentity(path: string): string | null {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/**
 * NAME.json for NAME.txt; NAME.pdf.json for NAME.pdf (and .html, .htm, .docx), so that the same
 * report as NAME.txt and NAME.pdf in one folder keeps two outputs; stdin.json for stdin.
 */
export function outputName(source: string): string {
  if (source === '-') return 'stdin.json';
  const name = basename(source);
  return (formatOfName(name) ? name : name.replace(/\.[^.]*$/, '')) + '.json';
}

/** The derived text of a converted input, beside its JSON: NAME.pdf.txt; stdin.txt for stdin. */
export function derivedTextName(source: string): string {
  return source === '-' ? 'stdin.txt' : basename(source) + '.txt';
}

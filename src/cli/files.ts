// Writing output files: never half-written (a temporary file, then a rename), named after
// their input.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

let counter = 0;

/** Writes a file so that a reader never sees it half-written: a temporary file, then a rename. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** NAME.json for NAME.txt; stdin.json for stdin. */
export function outputName(source: string): string {
  if (source === '-') return 'stdin.json';
  return basename(source).replace(/\.[^.]*$/, '') + '.json';
}

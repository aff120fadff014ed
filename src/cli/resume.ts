// --resume: whether an output is current. Beside each OUT/NAME.json, OUT/.extract/NAME.json
// records what made it: the hash of the input's bytes, the hash of the output's own bytes, the
// version of the tool and the options that change output (--explain, --input-format, and a hash
// of the pattern library: the fragments and every pattern, built-in or the user's). An output is current when
// its record says what this run would; anything else is made again.
//
// A record beside the output rather than a field in it: documents follow the contract, the same
// bytes on stdout and in files. One record a file rather than one list for the folder: nothing
// is rewritten whole for each document, and runs that write into one folder at once share no
// file. The output's own hash keeps a record that outlived its output (a run stopped between
// the two, a file edited by hand) from vouching for anything.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Extractor } from '../pipeline/extract.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './atomic.js';
import { describeFsError, OutputError } from './errors.js';
import { fileBlocks } from './files.js';

/** The folder of the records, in the output folder. */
export const RECORDS = '.extract';

/** What makes an output besides its input: the same settings and input give the same bytes. */
export interface Settings {
  version: string;
  explain: boolean;
  inputFormat: string;
  /** the hash of the pattern library */
  patterns: string;
}

export interface Record extends Settings {
  /** the hash of the input's bytes, as the document's sha256 */
  input: string;
  /** the hash of the output file's bytes */
  output: string;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export function settingsOf(extractor: Extractor, explain: boolean, inputFormat: string): Settings {
  const { fragments, patterns } = extractor.library;
  return { version: VERSION, explain, inputFormat, patterns: sha256(JSON.stringify([fragments.defs, patterns.map((p) => p.source)])) };
}

/** The hash of a regular file's bytes, read a block at a time; null for anything else. */
export function hashFile(path: string): string | null {
  try {
    if (!lstatSync(path).isFile()) return null;
    const hash = createHash('sha256');
    for (const block of fileBlocks(path)()) hash.update(block);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/** Larger than any record: a file this large in the records' folder is none. */
const MAX_RECORD = 4096;

/** Whether OUT/NAME is what these settings make of an input with this hash. */
export function isCurrent(out: string, name: string, input: string | null, settings: Settings): boolean {
  let made: Partial<Record>;
  try {
    const path = join(out, RECORDS, name);
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > MAX_RECORD) return false;
    made = JSON.parse(readFileSync(path, 'utf8')) as Partial<Record>;
  } catch {
    return false;
  }
  return (
    input !== null &&
    made.input === input &&
    made.version === settings.version &&
    made.explain === settings.explain &&
    made.inputFormat === settings.inputFormat &&
    made.patterns === settings.patterns &&
    made.output === hashFile(join(out, name))
  );
}

/** Records what made OUT/NAME, after it is written. */
export function writeRecord(out: string, name: string, record: Record): void {
  const dir = join(out, RECORDS);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(dir, describeFsError(e));
  }
  const { input, output, version, explain, inputFormat, patterns } = record;
  writeFileAtomic(join(dir, name), JSON.stringify({ input, output, version, explain, inputFormat, patterns }) + '\n');
}

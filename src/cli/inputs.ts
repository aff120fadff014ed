// Turns command-line operands into an ordered list of inputs: files, globs (expanded by
// fast-glob, so a quoted glob works the same in every shell), directories (their *.txt) and
// `-` for stdin. Problems with one operand are reported and the others still run.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describeFsError } from './errors.js';

export type Input = { kind: 'file'; path: string } | { kind: 'stdin' };

export interface Resolved {
  inputs: Input[];
  problems: { operand: string; reason: string }[];
}

const sortPaths = (paths: string[]) => [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function resolveInputs(operands: string[]): Resolved {
  const inputs: Input[] = [];
  const problems: Resolved['problems'] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ kind: 'file', path });
  };
  for (const operand of operands) {
    if (operand === '-') {
      if (!seen.has('-')) inputs.push({ kind: 'stdin' });
      seen.add('-');
      continue;
    }
    let stat;
    try {
      stat = statSync(operand);
    } catch (e) {
      if (fg.isDynamicPattern(operand)) {
        const matches = sortPaths(fg.sync(operand, { onlyFiles: true, dot: false }));
        if (!matches.length) problems.push({ operand, reason: 'no file matches this pattern' });
        matches.forEach(add);
      } else {
        problems.push({ operand, reason: describeFsError(e) });
      }
      continue;
    }
    if (stat.isDirectory()) {
      const matches = sortPaths(fg.sync('*.txt', { cwd: operand, onlyFiles: true })).map((f) => join(operand, f));
      if (!matches.length) problems.push({ operand, reason: 'directory has no .txt files' });
      matches.forEach(add);
    } else {
      add(operand);
    }
  }
  return { inputs, problems };
}

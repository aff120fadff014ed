// --jobs: a number of threads from 1 to 1024, of which no more run than there are cores and
// inputs to share; anything else is one clear line.
import { describe, expect, it } from 'vitest';
import { SMALL_RUN, threadCount } from '../src/cli/run.js';
import { expectLines, runCli, workdir } from './helpers.js';

const REPORT = '全市地区生产总值增长5.2%，新建学校12所。\n';

describe('--jobs', () => {
  it.each(['0', '-1', '1.5', 'two', '', '1e10', '99999999999', '1025'])('%j is refused with one line', async (value) => {
    const dir = workdir({ 'a.txt': REPORT });
    for (const option of ['--jobs', '-j']) {
      const r = await runCli([option, value, 'a.txt'], { cwd: dir });
      expectLines(r.stderr, [`extract: --jobs ${value === '' ? "''" : value}: give a whole number of threads from 1 to 1024`]);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    }
  });

  it('runs no more threads than cores and inputs', () => {
    expect(threadCount(1000, 2, 8)).toBe(2);
    expect(threadCount(1000, 50, 8)).toBe(8);
    expect(threadCount(3, 50, 8)).toBe(3);
    expect(threadCount(undefined, 50, 8)).toBe(8);
    expect(threadCount(undefined, 1, 8)).toBe(1);
    // Records on stdin: their number is not known in advance.
    expect(threadCount(1000, undefined, 2)).toBe(2);
  });

  it('reads a small run on one thread unless --jobs asks for more', () => {
    expect(threadCount(undefined, 50, 8, SMALL_RUN - 1)).toBe(1);
    expect(threadCount(undefined, 50, 8, SMALL_RUN)).toBe(8);
    expect(threadCount(2, 50, 8, 1000)).toBe(2);
    // stdin among the inputs: their size is not known in advance.
    expect(threadCount(undefined, 50, 8, undefined)).toBe(8);
  });

  it('1024 for two small files gives their documents', async () => {
    const dir = workdir({ 'a.txt': REPORT, 'b.txt': REPORT });
    const r = await runCli(['--jobs', '1024', 'a.txt', 'b.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source)).toEqual(['a.txt', 'b.txt']);
    expect(r.code).toBe(0);
  });
});

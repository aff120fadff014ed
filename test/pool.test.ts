// The thread pool of --jobs N: this thread and N-1 workers share the jobs, and the outcomes come
// out in input order whoever extracted them. The pool runs the built worker (dist/cli/worker.js,
// which `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { threadPool, type Job, type Outcome } from '../dist/cli/pool.js';
import { builtinExtractor } from '../src/index.js';
import { extractJob } from '../src/cli/jobs.js';

async function* jobsOf(texts: string[]): AsyncGenerator<Job> {
  for (const [k, text] of texts.entries()) yield { source: `doc ${k}`, text };
}

describe('threadPool', () => {
  it('shares the jobs between a worker and this thread and keeps input order', async () => {
    const texts = Array.from({ length: 12 }, (_, k) => `全县粮食产量${100 + k}万吨，同比增长${k + 1}.5%。`);
    const extractedHere: string[] = [];
    const pool = threadPool(2, { builtin: true, patternDirs: [], explain: false }, (job) => {
      extractedHere.push(job.source);
      return extractJob(builtinExtractor(), job, false);
    });
    const outcomes: Outcome[] = [];
    try {
      for await (const o of pool.run(jobsOf(texts))) outcomes.push(o);
    } finally {
      await pool.close();
    }
    // The worker starts slower than this thread reads: it cannot have taken every job.
    expect(extractedHere.length).toBeGreaterThan(0);
    expect(extractedHere.length).toBeLessThan(texts.length);
    expect(outcomes.map((o) => ('doc' in o ? o.doc.source : o))).toEqual(texts.map((_, k) => `doc ${k}`));
    outcomes.forEach((o, k) => {
      const doc = 'doc' in o ? o.doc : null;
      expect(doc?.indicators.map((i) => [i.metric, i.value, i.unit])).toEqual([
        ['粮食产量', (100 + k) * 10000, '吨'],
        ['粮食产量', k + 1.5, '%'],
      ]);
    });
  }, 60_000);

  it('passes on an outcome known in advance, in its place', async () => {
    const pool = threadPool(2, { builtin: true, patternDirs: [], explain: false }, (job) => extractJob(builtinExtractor(), job, false));
    async function* jobs(): AsyncGenerator<Job> {
      yield { source: 'a', text: '增长5%。' };
      yield { source: 'b', outcome: { error: 'b: unreadable' } };
      yield { source: 'c', text: '下降3%。' };
    }
    const outcomes: Outcome[] = [];
    try {
      for await (const o of pool.run(jobs())) outcomes.push(o);
    } finally {
      await pool.close();
    }
    expect(outcomes.map((o) => ('doc' in o ? o.doc.source : 'error' in o ? o.error : o))).toEqual(['a', 'b: unreadable', 'c']);
  }, 60_000);
});

// When ../shared is present: the CLI over the shared seeds and government-report excerpts, and
// over test/eval (texts the team wrote in the style of public-safety, court, statistics and
// government reports, annotated by hand to INDICATORS.md by a reader who did not write the
// rules), scored by the shared scorer. The floors are those the project promises (tuple F1 0.97,
// 0.98 and 0.95; metric agreement 0.95 on test/eval), just under what it reaches, so a change
// that makes extraction worse fails here.
// test/eval's gold also gives each indicator's period (docs/period.md): period agreement over the
// matched pairs (scripts/score-periods.mjs, which pairs them as the shared scorer does) is held at
// 0.90.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../src/contract.js';
import { HAS_SHARED, onlyIf, ROOT, runCli, SHARED, workdir } from './helpers.js';
import { periodAgreement } from '../scripts/score-periods.mjs';

const EVAL = join(import.meta.dirname, 'eval');

const SETS = [
  { name: 'seeds', docs: join(SHARED, 'seeds'), gold: join(SHARED, 'gold'), floor: 0.97, metricFloor: 0.9 },
  { name: 'gov', docs: join(SHARED, 'gov/docs'), gold: join(SHARED, 'gov/gold'), floor: 0.98, metricFloor: 0.9 },
  { name: 'test/eval', docs: join(EVAL, 'docs'), gold: join(EVAL, 'gold'), floor: 0.95, metricFloor: 0.95, periods: 0.9 },
];

describe('acceptance on ../shared', () => {
  onlyIf(HAS_SHARED, `no ${SHARED}/eval/score.mjs: the shared gold and scorer are not beside this checkout`);
  it.each(SETS)('$name: tuple F1 is at least $floor, every document valid', async ({ docs, gold, floor, metricFloor, periods }) => {
    const files = readdirSync(docs).filter((f) => f.endsWith('.txt')).sort().map((f) => join(docs, f));
    const out = await runCli(files, { cwd: ROOT });
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    for (const line of lines) ExtractedDocument.parse(JSON.parse(line));
    const pred = join(workdir(), 'pred.ndjson');
    writeFileSync(pred, out.stdout);
    const score = spawnSync(process.execPath, [join(SHARED, 'eval/score.mjs'), '--gold', gold, '--docs', docs, '--pred', pred, '--json'], { encoding: 'utf8' });
    expect(score.status).toBe(0);
    const result = JSON.parse(score.stdout);
    expect(result.tuple.f1).toBeGreaterThanOrEqual(floor);
    expect(result.agreement.metric.ok / result.agreement.metric.of).toBeGreaterThanOrEqual(metricFloor);
    if (periods !== undefined) {
      const agreement = periodAgreement(gold, docs, lines.map((l) => JSON.parse(l)));
      // The same pairs as the shared scorer's: every gold item gives a direction.
      expect(agreement.of).toBe(result.agreement.direction.of);
      expect(agreement.ok / agreement.of, JSON.stringify(agreement.misses.slice(0, 5))).toBeGreaterThanOrEqual(periods);
    }
  });
});

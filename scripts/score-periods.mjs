#!/usr/bin/env node
// Period agreement of an extraction with gold files that annotate `period` (test/eval/gold):
// indicators are paired as ../shared/eval/score.mjs pairs them (same value and unit, spans that
// overlap the quote, a metric that agrees preferred); a pair agrees when `from` and `to` are both
// equal, a missing period counting as from and to null (docs/period.md).
//
//   node scripts/score-periods.mjs --gold DIR --docs DIR --pred FILE [--verbose]
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function canonicalUnit(u) {
  let s = String(u ?? '').normalize('NFKC').replace(/\([^)]*\)/g, '').replace(/\s+/g, '');
  if (s === '个百分点') s = '百分点';
  if (s === '百分比' || s === '百分之') s = '%';
  return s;
}

const sameValue = (a, b) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;

function bigrams(s) {
  const t = [...String(s ?? '').replace(/\s+/g, '')];
  return t.slice(1).map((c, i) => t[i] + c);
}

function metricAgrees(a, b) {
  const x = String(a ?? '').replace(/\s+/g, '');
  const y = String(b ?? '').replace(/\s+/g, '');
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.includes(short) && short.length >= 2 && short.length / long.length >= 0.3) return true;
  const bx = bigrams(x);
  const pool = new Map();
  for (const g of bigrams(y)) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of bx) {
    if ((pool.get(g) ?? 0) > 0) {
      common++;
      pool.set(g, pool.get(g) - 1);
    }
  }
  const total = bx.length + bigrams(y).length;
  return total > 0 && (2 * common) / total >= 0.5;
}

const codePoints = (s) => [...s].length;
const endsOf = (p) => [p?.from ?? null, p?.to ?? null];
export const samePeriod = (a, b) => endsOf(a)[0] === endsOf(b)[0] && endsOf(a)[1] === endsOf(b)[1];

/** Pairs of [gold item, predicted indicator] of one document, as the shared scorer pairs them. */
function pairsOf(gold, text, predicted) {
  const used = new Map();
  const taken = new Set();
  const pairs = [];
  for (const it of gold.indicators) {
    const from = used.get(it.quote) ?? 0;
    const at = text.indexOf(it.quote, from);
    used.set(it.quote, at + 1);
    const start = codePoints(text.slice(0, at));
    const end = start + codePoints(it.quote);
    let best = -1;
    predicted.forEach((p, j) => {
      if (taken.has(j) || canonicalUnit(p.unit) !== canonicalUnit(it.unit) || !sameValue(p.value, it.value)) return;
      if (!(p.span[0] < end && start < p.span[1])) return;
      if (best < 0 || (metricAgrees(p.metric, it.metric) && !metricAgrees(predicted[best].metric, it.metric))) best = j;
    });
    if (best >= 0) {
      taken.add(best);
      pairs.push([it, predicted[best]]);
    }
  }
  return pairs;
}

/** Period agreement over the matched pairs of every gold file of `goldDir` with the documents `docs`. */
export function periodAgreement(goldDir, docsDir, docs) {
  const byName = new Map(docs.map((d) => [basename(String(d.source)), d]));
  let ok = 0;
  let of = 0;
  const misses = [];
  for (const f of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
    const text = readFileSync(join(docsDir, gold.document), 'utf8');
    for (const [it, p] of pairsOf(gold, text, byName.get(gold.document)?.indicators ?? [])) {
      if (!('period' in it)) continue;
      of++;
      if (samePeriod(it.period, p.period)) ok++;
      else misses.push({ document: gold.document, quote: it.quote, gold: it.period, got: p.period ?? null });
    }
  }
  return { ok, of, misses };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => args[args.indexOf(name) + 1];
  if (!args.includes('--gold') || !args.includes('--docs') || !args.includes('--pred')) {
    console.error('usage: score-periods.mjs --gold DIR --docs DIR --pred FILE [--verbose]');
    process.exit(2);
  }
  const docs = readFileSync(opt('--pred'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const result = periodAgreement(opt('--gold'), opt('--docs'), docs);
  if (args.includes('--verbose')) {
    const show = (p) => (p ? `${p.text} ${p.from}..${p.to}` : 'null');
    for (const m of result.misses) console.log(`  ${m.document}: ${m.quote.replace(/\n/g, '\\n')}: gold ${show(m.gold)}, got ${show(m.got)}`);
  }
  console.log(`period agrees on ${result.ok}/${result.of} matched indicators (${((100 * result.ok) / (result.of || 1)).toFixed(1)}%)`);
}

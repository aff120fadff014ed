// Canonical metric names (patterns/vocabulary/metrics.yaml): the metric as written, less what
// the contract says is not part of a metric (a place or body glued on, words of time, a basis
// word at either end), with synonyms replaced, so that one metric has one name across reports.
import { trieSource } from '../patterns/fragments.js';
import type { MetricFile } from '../patterns/schema.js';
import type { Lexicon } from './lexicon.js';
import { findTimeWords } from './period/expressions.js';
import type { PeriodVocabulary } from './period/vocabulary.js';


export interface MetricNames {
  whole: Map<string, string>;
  /** [written, canonical], longest written first */
  end: [string, string][];
  anywhere: [string, string][];
  leading: RegExp;
  trailing: RegExp;
  source: MetricFile;
}

export function compileMetricNames(file: MetricFile): MetricNames {
  const whole = new Map<string, string>();
  const end: [string, string][] = [];
  const anywhere: [string, string][] = [];
  for (const s of file.synonyms) {
    for (const w of s.whole ?? []) {
      if (whole.has(w)) throw new Error(`synonyms: "${w}" is a synonym of both ${whole.get(w)} and ${s.canonical}`);
      whole.set(w, s.canonical);
    }
    for (const w of s.end ?? []) end.push([w, s.canonical]);
    for (const w of s.anywhere ?? []) anywhere.push([w, s.canonical]);
  }
  const longestFirst = (a: [string, string], b: [string, string]) => b[0].length - a[0].length;
  return {
    whole,
    end: end.sort(longestFirst),
    anywhere: anywhere.sort(longestFirst),
    leading: new RegExp(`^(?:${trieSource(file.leading)})`, 'u'),
    trailing: new RegExp(`(?:${trieSource(file.trailing)})$`, 'u'),
    source: file,
  };
}

const NOT_A_PLACE_END = /(?:地区|社区|小区|街区|建成区|示范区|保护区|功能区|试验区|城市|超市|股市|楼市|车市)$/u;

/** Keeps at least two characters of a metric: 全市 alone, or 年均 alone, stays what it is. */
const MIN_LEFT = 2;

/** The canonical name of a metric as written. */
export function canonicalName(names: MetricNames, periods: PeriodVocabulary, lex: Lexicon, metric: string): string {
  let name = metric;
  for (let changed = true; changed; ) {
    changed = false;
    const cut = leadingCut(names, periods, lex, name);
    if (cut > 0 && [...name.slice(cut)].length >= MIN_LEFT) {
      name = name.slice(cut);
      changed = true;
    }
    const trail = names.trailing.exec(name);
    if (trail && [...name.slice(0, trail.index)].length >= MIN_LEFT) {
      name = name.slice(0, trail.index);
      changed = true;
    }
  }
  const whole = names.whole.get(name);
  if (whole) return whole;
  for (const [written, canonical] of names.end) {
    if (name.endsWith(written)) {
      name = name.slice(0, -written.length) + canonical;
      break;
    }
  }
  for (const [written, canonical] of names.anywhere) name = name.replaceAll(written, canonical);
  return names.whole.get(name) ?? name;
}

// The lexicon's places, matched only at the start of a name (a sticky copy: the lexicon's own
// regex is global, and its lastIndex is not ours to move).
const placesAtStart = new WeakMap<Lexicon, RegExp>();
function placeAtStart(lex: Lexicon): RegExp {
  let re = placesAtStart.get(lex);
  if (!re) placesAtStart.set(lex, (re = new RegExp(lex.subjectWords.source, 'uy')));
  re.lastIndex = 0;
  return re;
}

/** How many characters at the start of a name are a place, words of time or a word that is no part of a metric. */
function leadingCut(names: MetricNames, periods: PeriodVocabulary, lex: Lexicon, name: string): number {
  const place = placeAtStart(lex).exec(name);
  // Not a word that ends in 区 or 市 by chance: 人均地区 is no place, nor 城区 or 园区.
  if (place && !NOT_A_PLACE_END.test(place[0]) && !lex.areaWords.has(place[0].slice(-2))) return place[0].length;
  const time = findTimeWords(periods, name)[0];
  if (time && time.start === 0) return time.end;
  return names.leading.exec(name)?.[0].length ?? 0;
}

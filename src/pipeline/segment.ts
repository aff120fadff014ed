// Word segmentation and parts of speech with nodejieba, loaded once and only when first needed.
// The dictionary is nodejieba's own, trimmed at build time to its more frequent words
// (scripts/build-dict.mjs): it loads in a fraction of the time and memory of the full one,
// and report language is made of common words.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Token {
  word: string;
  tag: string;
  /** offsets in the segmented text, UTF-16 units, end exclusive */
  start: number;
  end: number;
}

interface Jieba {
  load(options: Record<string, string>): void;
  tag(text: string): { word: string; tag: string }[];
  insertWord(word: string, tag?: string): boolean;
}

const DICT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../dict');

let jieba: Jieba | undefined;
const cache = new Map<string, Token[]>();
const CACHE_LIMIT = 20000;

/** Words the segmenter must keep whole, with their part of speech. */
export const DOMAIN_WORDS: [string, string][] = [
  ['破案率', 'n'], ['发案数', 'n'], ['破案数', 'n'], ['立案数', 'n'], ['查处率', 'n'], ['化解率', 'n'],
  ['调处率', 'n'], ['增加值', 'n'], ['百分点', 'q'], ['同比', 'd'], ['环比', 'd'], ['吞吐量', 'n'],
  ['成交额', 'n'], ['进出口总额', 'n'], ['可支配收入', 'n'], ['失业率', 'n'], ['覆盖率', 'n'],
  ['贡献率', 'n'], ['赋能率', 'n'], ['被骗率', 'n'], ['骗率', 'n'], ['增速', 'n'], ['占比', 'n'],
  ['规上', 'b'], ['高标准农田', 'n'], ['专项债券', 'n'], ['生产总值', 'n'],
];

function loadJieba(): Jieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const nodejieba = require('nodejieba') as Jieba & { DEFAULT_DICT: string };
  const trimmed = join(DICT_DIR, 'jieba.dict.utf8');
  const small = join(DICT_DIR, 'tiny.utf8');
  if (existsSync(trimmed) && existsSync(small)) {
    nodejieba.load({ dict: trimmed, idfDict: join(DICT_DIR, 'idf.utf8'), stopWordDict: small });
  } else {
    nodejieba.load({});
  }
  for (const [word, tag] of DOMAIN_WORDS) nodejieba.insertWord(word, tag);
  jieba = nodejieba;
  return jieba;
}

/** Segments text into tagged words whose offsets cover the text exactly. */
export function tag(text: string): Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const words = text ? loadJieba().tag(text) : [];
  const tokens: Token[] = [];
  let at = 0;
  for (const { word, tag } of words) {
    const found = text.indexOf(word, at);
    if (found < 0) continue;
    if (found > at) tokens.push({ word: text.slice(at, found), tag: 'x', start: at, end: found });
    tokens.push({ word, tag, start: found, end: found + word.length });
    at = found + word.length;
  }
  if (at < text.length) tokens.push({ word: text.slice(at), tag: 'x', start: at, end: text.length });
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, tokens);
  return tokens;
}

export function isLoaded(): boolean {
  return jieba !== undefined;
}

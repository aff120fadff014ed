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

// dist/dict from both src/pipeline (tests) and dist/pipeline (the built tool).
const DICT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/dict');

let jieba: Jieba | undefined;
const cache = new Map<string, Token[]>();
const CACHE_LIMIT = 20000;

let vocabulary: [string, string][] = [];
const forcedTags = new Map<string, string>();

/**
 * Words the segmenter must keep whole, with their part of speech. Set before the first call to
 * tag(); the tag given here also overrides the dictionary's for the word.
 */
export function configureVocabulary(words: [string, string][]): void {
  if (jieba) for (const [word, t] of words) if (!forcedTags.has(word)) jieba.insertWord(word, t);
  vocabulary = words;
  for (const [word, t] of words) forcedTags.set(word, t);
  cache.clear();
}

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
  for (const [word, t] of vocabulary) nodejieba.insertWord(word, t);
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
    tokens.push({ word, tag: forcedTags.get(word) ?? tag, start: found, end: found + word.length });
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

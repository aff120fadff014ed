// Word segmentation with nodejieba, loaded once and only when first needed. Parts of speech
// come from the dictionary the segmenter uses (word -> tag), looked up after `cut`: the same
// tags as nodejieba's `tag` for known words, at twice its speed. The dictionary is nodejieba's
// own, trimmed at build time to its more frequent words (scripts/build-dict.mjs): it loads in
// a fraction of the time and memory of the full one, and report language is common words.
import { existsSync, readFileSync } from 'node:fs';
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
  DEFAULT_DICT: string;
  load(options: Record<string, string>): void;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

// dist/dict from both src/pipeline (tests) and dist/pipeline (the built tool).
const DICT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/dict');

let jieba: Jieba | undefined;
const tags = new Map<string, string>();
let vocabulary: [string, string][] = [];

/**
 * Words the segmenter must keep whole, with their part of speech; the tag given here overrides
 * the dictionary's. May be called before or after the segmenter loads.
 */
export function configureVocabulary(words: [string, string][]): void {
  vocabulary = words;
  if (jieba) addVocabulary(jieba);
}

function addVocabulary(j: Jieba): void {
  for (const [word, t] of vocabulary) {
    if (tags.get(word) !== t) j.insertWord(word, t);
    tags.set(word, t);
  }
}

function readTags(dictFile: string): void {
  const text = readFileSync(dictFile, 'utf8');
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const a = text.indexOf(' ', at);
    const b = a < 0 ? -1 : text.indexOf(' ', a + 1);
    if (a > at && b > a && b < end) tags.set(text.slice(at, a), text.slice(b + 1, end).trim());
    at = end + 1;
  }
}

function loadJieba(): Jieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const nodejieba = require('nodejieba') as Jieba;
  const trimmed = join(DICT_DIR, 'jieba.dict.utf8');
  const tiny = join(DICT_DIR, 'tiny.utf8');
  const dict = existsSync(trimmed) && existsSync(tiny) ? trimmed : nodejieba.DEFAULT_DICT;
  nodejieba.load(dict === trimmed ? { dict, idfDict: join(DICT_DIR, 'idf.utf8'), stopWordDict: tiny } : {});
  readTags(dict);
  addVocabulary(nodejieba);
  jieba = nodejieba;
  return jieba;
}

function tagOf(word: string): string {
  const t = tags.get(word);
  if (t) return t;
  if (/^[\d.,%]+$/.test(word)) return 'm';
  if (/^[A-Za-z][A-Za-z0-9.+-]*$/.test(word)) return 'eng';
  return 'x';
}

/** Segments text into tagged words whose offsets cover the text exactly. */
export function segment(text: string): Token[] {
  const words = text ? loadJieba().cut(text) : [];
  const tokens: Token[] = [];
  let at = 0;
  for (const word of words) {
    const found = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (found < 0) continue;
    if (found > at) tokens.push({ word: text.slice(at, found), tag: 'x', start: at, end: found });
    tokens.push({ word, tag: tagOf(word), start: found, end: found + word.length });
    at = found + word.length;
  }
  if (at < text.length) tokens.push({ word: text.slice(at), tag: 'x', start: at, end: text.length });
  return tokens;
}

/** Whether the segmenter's dictionary knows the word. */
export function isWord(word: string): boolean {
  loadJieba();
  return tags.has(word);
}

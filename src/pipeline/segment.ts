// Word segmentation: nodejieba's cut, made in JavaScript over the dictionary trie that the build
// writes (word-trie.ts, dist/dict/words.bin), which loads in milliseconds where nodejieba takes
// a third of a second; nodejieba itself is loaded only for a text whose cut the trie cannot be
// sure of (a near tie, a surrogate) or when there is no trie file. Parts of speech come with
// the words: the dictionary's tag (the same as nodejieba's `tag` for known words), or the one
// configureVocabulary gives. The dictionary is nodejieba's own, trimmed at build time to its
// more frequent words (scripts/build-dict.mjs): report language is common words.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cutEnds, readWordTrie, tagOfWord, type AddedWords, type WordTrie } from './word-trie.js';

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
const WORD_TRIE_FILE = join(DICT_DIR, 'words.bin');

let jieba: Jieba | undefined;
let trie: WordTrie | null | undefined;
/** Tags of the dictionary's words where no trie gives them (nodejieba alone). */
const dictionaryTags = new Map<string, string>();
/** The tags configureVocabulary gave, which override the dictionary's. */
const vocabularyTags = new Map<string, string>();
/** The words inserted into the segmenter, in order, to replay into nodejieba when it loads. */
const inserted: [string, string][] = [];
const added: AddedWords = new Map();

/**
 * Words the segmenter must keep whole, with their part of speech; the tag given here overrides
 * the dictionary's. May be called before or after the segmenter loads. A word is inserted
 * (at the median weight, as nodejieba's insertWord does) only when its tag changes.
 */
export function configureVocabulary(words: [string, string][]): void {
  for (const [word, t] of words) {
    if (tagOfKnown(word) !== t) insertWord(word, t);
    vocabularyTags.set(word, t);
  }
}

function insertWord(word: string, tag: string): void {
  inserted.push([word, tag]);
  jieba?.insertWord(word, tag);
  const first = word.charCodeAt(0);
  const list = added.get(first) ?? [];
  if (!list.includes(word)) added.set(first, [...list, word]);
}

function loadTrie(): WordTrie | null {
  if (trie === undefined) trie = existsSync(WORD_TRIE_FILE) ? readWordTrie(readFileSync(WORD_TRIE_FILE)) : null;
  return trie;
}

function readTags(dictFile: string): void {
  const text = readFileSync(dictFile, 'utf8');
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const a = text.indexOf(' ', at);
    const b = a < 0 ? -1 : text.indexOf(' ', a + 1);
    if (a > at && b > a && b < end) dictionaryTags.set(text.slice(at, a), text.slice(b + 1, end).trim());
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
  if (!loadTrie()) readTags(dict);
  for (const [word, t] of inserted) nodejieba.insertWord(word, t);
  jieba = nodejieba;
  return jieba;
}

/** The dictionary's tag of a word, or the vocabulary's; undefined for a word neither knows. */
function tagOfKnown(word: string): string | undefined {
  const given = vocabularyTags.get(word);
  if (given !== undefined) return given;
  const t = loadTrie();
  if (!t) {
    loadJieba();
    return dictionaryTags.get(word);
  }
  return tagOfWord(t, word);
}

function tagOf(word: string): string {
  const t = tagOfKnown(word);
  if (t) return t;
  if (/^[\d.,%]+$/.test(word)) return 'm';
  if (/^[A-Za-z][A-Za-z0-9.+-]*$/.test(word)) return 'eng';
  return 'x';
}

const SURROGATE = /[\ud800-\udfff]/;

/** The words of a text as nodejieba cuts it. */
function cut(text: string): string[] {
  const t = SURROGATE.test(text) ? null : loadTrie();
  const ends = t && cutEnds(t, added, text);
  if (!ends) return loadJieba().cut(text);
  return ends.map((end, k) => text.slice(k ? ends[k - 1] : 0, end));
}

/** Segments text into tagged words whose offsets cover the text exactly. */
export function segment(text: string): Token[] {
  const words = text ? cut(text) : [];
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
  return tagOfKnown(word) !== undefined;
}

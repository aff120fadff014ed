// Writes dist/patterns.json (the built-in patterns, parsed) and dist/dict: nodejieba's
// dictionary trimmed to its more frequent words, which loads in a fraction of the time and
// memory; words.bin, the same words with nodejieba's own user words as the trie that the
// tool's segmenter reads (src/pipeline/word-trie.ts); and the one-line files that stand in for
// the keyword extraction dictionaries this tool does not use.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_FREQUENCY = Number(process.env.EXTRACT_DICT_MIN_FREQUENCY ?? 10);
const require = createRequire(import.meta.url);
const source = require('nodejieba').DEFAULT_DICT;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'dict');
mkdirSync(out, { recursive: true });
const kept = readFileSync(source, 'utf8')
  .split('\n')
  .filter((line) => {
    const [word, freq] = line.split(' ');
    return word && Number(freq) >= MIN_FREQUENCY;
  });
writeFileSync(join(out, 'jieba.dict.utf8'), kept.join('\n') + '\n');
writeFileSync(join(out, 'idf.utf8'), '的 1.0\n');
writeFileSync(join(out, 'tiny.utf8'), '的\n');
console.error(`build-dict: ${kept.length} words of frequency >= ${MIN_FREQUENCY} in dist/dict`);

// As cppjieba reads them: a main dictionary line is `word frequency tag`; a user dictionary
// line is `word`, `word tag` (both at the median weight) or `word frequency tag`.
const { buildWordTrie } = await import('../dist/pipeline/word-trie.js');
const main = kept.map((line) => {
  const [word, frequency, tag] = line.split(' ');
  return { word, frequency: Number(frequency), tag, tagged: true };
});
const user = readFileSync(require('nodejieba').DEFAULT_USER_DICT, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const f = line.split(' ');
    return f.length >= 3 ? { word: f[0], frequency: Number(f[1]), tag: f[2], tagged: false } : { word: f[0], frequency: null, tag: f[1] ?? '', tagged: false };
  });
writeFileSync(join(out, 'words.bin'), buildWordTrie(main, user));
console.error('build-dict: dist/dict/words.bin');

// The built-in pattern files, parsed once here rather than at every start.
const { writeParsedCache } = await import('../dist/patterns/load.js');
writeParsedCache();
console.error('build-dict: dist/patterns.json');

// What a pattern's `before` regex can end with. It must match up to where the figure starts, so
// the character just before the figure must be one it can end on: a figure whose character is
// none of them skips the pattern without running its regex (match.ts), which V8 would otherwise
// try from every position of the context. Read from the regex's source; anything this reader
// does not follow (a class it cannot list, a back-reference, a flag group) gives no set, and
// the pattern is tried as before.

/** The characters a match of the source can end on, or null when any could, or it may match nothing. */
export function lastCharacters(source: string): Set<string> | null {
  try {
    const node = new Reader(source).alternation();
    return node.nullable || node.last === ANY ? null : new Set(node.last);
  } catch {
    return null;
  }
}

const ANY = 'any' as const;
/** The characters, each node's own array (so that its parent may add to it), or ANY. */
type Last = string[] | typeof ANY;

interface Node {
  /** it may match the empty string */
  nullable: boolean;
  /** the characters its match can end on */
  last: Last;
}

/** Adds b to a, which it may change. */
const union = (a: Last, b: Last): Last => {
  if (a === ANY || b === ANY) return ANY;
  for (const c of b) a.push(c);
  return a;
};
const zeroWidth = (): Node => ({ nullable: true, last: [] });
const one = (c: string): Node => ({ nullable: false, last: [c] });
const DIGITS = [...'0123456789'];
/** A class with a range wider than this gives no set: listing it would cost more than it saves. */
const WIDEST_RANGE = 256;

class Unsupported extends Error {}

/** A recursive reader of the regex syntax that the pattern files use (flag u). */
class Reader {
  private at = 0;
  private readonly chars: string[];

  constructor(source: string) {
    this.chars = [...source];
  }

  private peek(): string | undefined {
    return this.chars[this.at];
  }

  private next(): string {
    const c = this.chars[this.at++];
    if (c === undefined) throw new Unsupported('end of source');
    return c;
  }

  alternation(): Node {
    let node = this.sequence();
    while (this.peek() === '|') {
      this.at++;
      const other = this.sequence();
      node = { nullable: node.nullable || other.nullable, last: union(node.last, other.last) };
    }
    return node;
  }

  private sequence(): Node {
    // Read right to left: the last element decides, the ones before it count while it may be empty.
    const items: Node[] = [];
    while (this.peek() !== undefined && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    let node: Node = zeroWidth();
    for (let k = items.length - 1; k >= 0; k--) {
      node = { nullable: items[k]!.nullable, last: union(node.last, items[k]!.last) };
      if (!items[k]!.nullable) return node;
    }
    return node;
  }

  private quantified(): Node {
    const atom = this.atom();
    const c = this.peek();
    let min = 1;
    if (c === '?' || c === '*') {
      this.at++;
      min = 0;
    } else if (c === '+') this.at++;
    else if (c === '{') {
      const rest = this.chars.slice(this.at).join('');
      const m = /^\{(\d+)(,\d*)?\}/.exec(rest);
      if (!m) throw new Unsupported('a brace that is no quantifier');
      this.at += [...m[0]].length;
      min = Number(m[1]);
    } else return atom;
    if (this.peek() === '?') this.at++;
    return { nullable: atom.nullable || min === 0, last: atom.last };
  }

  private atom(): Node {
    const c = this.next();
    if (c === '(') return this.group();
    if (c === '[') return { nullable: false, last: this.characterClass() };
    if (c === '\\') return this.escape(false);
    if (c === '.') return { nullable: false, last: ANY };
    if (c === '^' || c === '$') return zeroWidth();
    if ('*+?{}|)'.includes(c)) throw new Unsupported(`a quantifier or bracket out of place: ${c}`);
    return one(c);
  }

  private group(): Node {
    let lookaround = false;
    if (this.peek() === '?') {
      this.at++;
      const kind = this.next();
      if (kind === ':') {
        // a plain group
      } else if (kind === '=' || kind === '!') lookaround = true;
      else if (kind === '<' && (this.peek() === '=' || this.peek() === '!')) {
        this.at++;
        lookaround = true;
      } else if (kind === '<') {
        while (this.next() !== '>');
      } else throw new Unsupported(`a group (?${kind}`);
    }
    const inner = this.alternation();
    if (this.next() !== ')') throw new Unsupported('an unclosed group');
    return lookaround ? zeroWidth() : inner;
  }

  /** The characters of [...], or ANY for a negated class or one with a property. */
  private characterClass(): Last {
    const out: string[] = [];
    let negated = false;
    if (this.peek() === '^') {
      this.at++;
      negated = true;
    }
    let previous: string | null = null;
    for (;;) {
      const c = this.next();
      if (c === ']') break;
      if (c === '-' && previous !== null && this.peek() !== ']') {
        let to = this.next();
        if (to === '\\') to = this.escapedChar();
        const [a, b] = [previous.codePointAt(0)!, to.codePointAt(0)!];
        if (b < a || b - a > WIDEST_RANGE) throw new Unsupported('a wide range');
        for (let p = a; p <= b; p++) out.push(String.fromCodePoint(p));
        previous = null;
        continue;
      }
      if (c === '\\') {
        const escaped = this.escape(true);
        if (escaped.last === ANY) return ANY;
        out.push(...escaped.last);
        previous = escaped.last.length === 1 ? escaped.last[0]! : null;
        continue;
      }
      out.push(c);
      previous = c;
    }
    return negated ? ANY : out;
  }

  private escapedChar(): string {
    const e = this.escape(true);
    if (e.last === ANY || e.last.length !== 1) throw new Unsupported('a range bound that is no character');
    return e.last[0]!;
  }

  private escape(inClass: boolean): Node {
    const c = this.next();
    if (c === 'd') return { nullable: false, last: [...DIGITS] };
    if (c === 'p' || c === 'P') {
      if (this.peek() === '{') while (this.next() !== '}');
      return { nullable: false, last: ANY };
    }
    if ('DwWsS'.includes(c)) return { nullable: false, last: ANY };
    if (c === 'b' || c === 'B') {
      if (inClass) throw new Unsupported('\\b in a class');
      return zeroWidth();
    }
    if (c === 'n') return one('\n');
    if (c === 't') return one('\t');
    if (c === 'u' || c === 'x' || c === 'k' || /\d/.test(c)) throw new Unsupported(`\\${c}`);
    return one(c);
  }
}

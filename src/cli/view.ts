// Colors for what is shown to people: on when asked or on a terminal, never in a pipe.
import { Chalk, type ChalkInstance } from 'chalk';

export function makeChalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 2 : 0 });
}

// Colors for what is shown to people: on when asked or on a terminal, never in a pipe. chalk is
// loaded only then: JSON Lines out need none.
import type { ChalkInstance } from 'chalk';

export async function makeChalk(color: boolean): Promise<ChalkInstance> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level: color ? 2 : 0 });
}

import { defineConfig } from 'vitest/config';

// Many tests run the CLI as a child process several times: on a busy 2-core machine that can take
// longer than vitest's default of 5 s without anything being wrong.
export default defineConfig({ test: { testTimeout: 20_000 } });

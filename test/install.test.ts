// A fresh `npm ci` is quiet (npm 11 warns of every install script that package.json's
// allowScripts does not cover) and still builds what needs building.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the install', () => {
  it('allows exactly the install scripts of the locked packages, by name', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
      .sort();
    expect(withScripts).toEqual(['nodejieba']);
    // By name: a pin (nodejieba@3.5.8) needs the lockfile's "resolved" URL, which this one omits.
    expect(pkg.allowScripts).toEqual(Object.fromEntries(withScripts.map((name) => [name, true])));
  });
});

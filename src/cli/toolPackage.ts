import { readFileSync } from 'node:fs';

/**
 * This tool's name and version, read at run time from its own package.json: two folders up from
 * this file both in the sources (src/cli/) and in the build (dist/cli/), so `harden --version` and
 * the evidence always name the installed release, never a number compiled in.
 */
export function toolPackage(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

#!/usr/bin/env node
// The published CLI runs the JavaScript that `npm run build` compiles into dist/: no TypeScript
// compiler at run time. In a checkout that was not built, `npm run harden -- …` runs the sources.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/bin.js', import.meta.url);
if (!existsSync(built)) {
  console.error('harden: dist/cli/bin.js is missing: this checkout has not been built. Run `npm run build`, or `npm run harden -- <args>` to run the TypeScript sources.');
  process.exit(3);
}
await import(built.href);

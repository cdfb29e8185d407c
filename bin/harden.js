#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the published CLI and the repository run the same code.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin.ts');

import { defineSuite } from './defineSuite.ts';

await defineSuite('revoked-token');

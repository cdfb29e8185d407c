import { defineSuite } from './defineSuite.ts';

await defineSuite('refresh');

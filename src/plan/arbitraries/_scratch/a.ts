import fc from 'fast-check';
import { Faker, en } from '@faker-js/faker';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
let t = performance.now();
for (let i = 0; i < 1000; i++) { const f = new Faker({ locale: [en] }); f.seed(i); f.internet.email(); }
console.log('new faker x1000', performance.now() - t);
const f = new Faker({ locale: [en] });
t = performance.now();
for (let i = 0; i < 1000; i++) { f.seed(i); f.internet.email(); }
console.log('reseed x1000', performance.now() - t);
console.log(fc.sample(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), { seed: 1, numRuns: 5 }));
console.log(fc.sample(fc.stringMatching(new RegExp('^[A-Z]{3}-\\d{4}$', 'u')), { seed: 1, numRuns: 5 }));
console.log(fc.sample(fc.stringMatching(new RegExp('[a-z]+', 'u'), {maxLength: 6}), { seed: 1, numRuns: 5 }));
try { console.log(fc.sample(fc.stringMatching(new RegExp('^(?=a)a\\1$', 'u')), { seed: 1, numRuns: 5 })); } catch (e) { console.log('err', (e as Error).message); }
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as any).default ? (addFormats as any).default(ajv) : (addFormats as any)(ajv);
const v = ajv.compile({ $ref: '#/components/schemas/A', components: { schemas: { A: { type: 'integer' } } } });
console.log(v(1), v('x'));
const v2 = ajv.compile({ type: 'string', nullable: true });
console.log(v2(null), v2(1));
console.log(typeof addFormats, Object.keys(addFormats));

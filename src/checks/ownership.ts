import { defineCheck } from './check.ts';

/**
 * OWASP API1 (broken object level authorization), in a listing: another principal's object id must
 * not appear in what this principal is shown. The ids come from the ownership suite's create step;
 * the refusals of the other routes are the status check's.
 */
export const ownershipCheck = defineCheck({
  id: 'ownership',
  title: "No other principal's object in a listing",
  run({ case: c, responses }) {
    const absent = c.expect.absent ?? [];
    if (absent.length === 0) return [];
    const body = responses[0]!.body;
    const shown = absent.filter((id) => body.includes(id));
    return shown.length === 0 ? [] : [{ code: 'FOREIGN_OBJECT_LISTED', message: `the answer shows ${shown.length === 1 ? 'the id' : 'the ids'} of an object another principal created (${shown.join(', ')})` }];
  },
});

import { defineCheck } from './check.ts';

/** Nothing a client sends may crash the server. */
export const noServerErrorCheck = defineCheck({
  id: 'no-server-error',
  title: 'Never a 5xx',
  run({ responses }) {
    const failing = responses.find((r) => r.status >= 500);
    return failing ? [{ code: 'SERVER_ERROR', message: `got ${failing.status}` }] : [];
  },
});

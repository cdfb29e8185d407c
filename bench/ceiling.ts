/** The ceiling: autocannon hammering one cheap protected route of the reference API. */
import autocannon from 'autocannon';

export interface CeilingSample {
  rps: number;
  /** Answers with an unexpected status class, errors or timeouts. */
  unexpected: number;
  /** CPU time of this process (the load generator) per request, µs. */
  cpuUsPerRequest: number;
}

/**
 * One burst of `seconds` with `concurrency` connections and no pipelining, like the harness.
 * `expect2xx`: the route must answer 2xx (a served read) or, when false, never 2xx (a refusal).
 */
export async function ceilingOnce(url: string, authorization: string, concurrency: number, seconds: number, expect2xx: boolean): Promise<CeilingSample> {
  const before = process.cpuUsage();
  const result = await autocannon({ url, connections: concurrency, pipelining: 1, duration: seconds, headers: { authorization }, timeout: 10 });
  const used = process.cpuUsage(before);
  return {
    rps: result.requests.total / result.duration,
    unexpected: result.errors + result.timeouts + (expect2xx ? result.non2xx : result['2xx']),
    cpuUsPerRequest: (used.user + used.system) / Math.max(1, result.requests.total),
  };
}

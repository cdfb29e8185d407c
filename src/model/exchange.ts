/** What was sent, exactly as it went on the wire (before redaction). */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReceivedResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", " except set-cookie. */
  headers: Record<string, string>;
  body: string;
  /**
   * The body was cut at the response cap. sendRequest reports such an answer as a `too-large`
   * failure instead, so every response it returns is whole and this is false; kept for readers
   * of exchanges built elsewhere.
   */
  truncated: boolean;
  bodyBytes: number;
}

/**
 * Why no complete response arrived; an infrastructure verdict (a JUnit <error>), never a finding
 * about the API's contract. `too-large`: the body passed the response cap and was not read to the end.
 */
export interface TransportFailure {
  kind: 'timeout' | 'connection-refused' | 'connection-reset' | 'protocol' | 'too-large' | 'interrupted' | 'other';
  code: string;
  message: string;
}

/**
 * One request and its answer, or why there is none. An answer that began but could not be read
 * whole (over the cap, stalled mid-body) is a failure; its message says what had arrived.
 */
export interface Exchange {
  request: SentRequest;
  response?: ReceivedResponse;
  failure?: TransportFailure;
  durationMs: number;
}

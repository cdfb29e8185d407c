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
  /** The body was longer than the response cap and was cut there. */
  truncated: boolean;
  bodyBytes: number;
}

/** Why no response arrived; an infrastructure verdict, never a finding about the API's contract. */
export interface TransportFailure {
  kind: 'timeout' | 'connection-refused' | 'connection-reset' | 'protocol' | 'other';
  code: string;
  message: string;
}

/** One request and its answer (or why there is none). */
export interface Exchange {
  request: SentRequest;
  response?: ReceivedResponse;
  failure?: TransportFailure;
  durationMs: number;
}

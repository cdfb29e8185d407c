/** How a listening socket's local address is reached: loopback only, every interface, or one other address. */
export type AddressKind = 'loopback' | 'wildcard' | 'other';

/** One listening TCP socket, as the operating system's socket table shows it. */
export interface ExposureListener {
  family: 'IPv4' | 'IPv6';
  address: string;
  port: number;
  kind: AddressKind;
}

/** What the exposure suite observed: the sockets listening on the target's port. Read by the run, judged by the `exposure` check. */
export interface ListenerObservation {
  port: number;
  sockets: ExposureListener[];
}

import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { exposedSockets, exposureMessage } from '../checks/exposure.ts';
import type { AddressKind, ExposureListener } from '../model/listeners.ts';

export type { AddressKind, ExposureListener } from '../model/listeners.ts';

export interface ExposureResult {
  verdict: 'pass' | 'fail' | 'skip';
  reason: string;
  target: string;
  port?: number;
  listeners: ExposureListener[];
}

export interface ExposureOptions {
  /** Where /proc is; tests point it at fixture files. */
  procRoot?: string;
  platform?: NodeJS.Platform;
  /** Byte order of the host that wrote the files (the kernel writes addresses in it). */
  endianness?: 'LE' | 'BE';
}

const LISTEN = '0A';

/** The kernel prints each 32-bit word of an address in host order: undo that on little-endian hosts. */
function addressBytes(hex: string, order: 'LE' | 'BE'): number[] {
  const bytes: number[] = [];
  for (let w = 0; w < hex.length; w += 8) {
    const word = (hex.slice(w, w + 8).match(/../g) ?? []).map((b) => parseInt(b, 16));
    bytes.push(...(order === 'LE' ? word.reverse() : word));
  }
  return bytes;
}

function classify(bytes: number[]): { address: string; kind: AddressKind } {
  if (bytes.length === 4) {
    const address = bytes.join('.');
    return { address, kind: bytes[0] === 127 ? 'loopback' : bytes.every((b) => b === 0) ? 'wildcard' : 'other' };
  }
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) {
    const v4 = classify(bytes.slice(12));
    return { address: `::ffff:${v4.address}`, kind: v4.kind };
  }
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16));
  // The URL parser writes IPv6 in its canonical compressed form (RFC 5952), e.g. "::1".
  const address = new URL(`http://[${groups.join(':')}]`).hostname.slice(1, -1);
  const zeros = bytes.slice(0, 15).every((b) => b === 0);
  return { address, kind: zeros && bytes[15] === 1 ? 'loopback' : zeros && bytes[15] === 0 ? 'wildcard' : 'other' };
}

/** LISTEN sockets of one /proc/net/tcp or tcp6 file. */
export function parseProcNetTcp(text: string, family: 'IPv4' | 'IPv6', order: 'LE' | 'BE' = endianness()): ExposureListener[] {
  const listeners: ExposureListener[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [local, state] = [fields[1], fields[3]];
    if (!local || state !== LISTEN) continue;
    const [hex, portHex] = local.split(':');
    if (!hex || !portHex) continue;
    listeners.push({ family, port: parseInt(portHex, 16), ...classify(addressBytes(hex, order)) });
  }
  return listeners;
}

const isLoopbackHost = (host: string) => host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]' || /^\[::ffff:(127\.|7f)/i.test(host);

/**
 * Which addresses the target's port is bound to, read from /proc without sending anything: an API
 * meant for loopback that also listens on 0.0.0.0 or a public address is exposed to the network
 * even though every test against 127.0.0.1 passes. Sockets in other network namespaces are not seen.
 * The verdict is the `exposure` check's judgement (src/checks/exposure.ts), for `harden exposure`.
 */
export function checkExposure(target: string, options: ExposureOptions = {}): ExposureResult {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { verdict: 'skip', reason: `${target} is not a URL`, target, listeners: [] };
  }
  if (!isLoopbackHost(url.hostname)) return { verdict: 'skip', reason: `${url.hostname} is not a loopback host: only sockets on this machine can be inspected`, target, listeners: [] };
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if ((options.platform ?? process.platform) !== 'linux') return { verdict: 'skip', reason: 'listening sockets are read from /proc/net, which only Linux has', target, port, listeners: [] };
  const root = options.procRoot ?? '/proc';
  const files = [['tcp', 'IPv4'], ['tcp6', 'IPv6']] as const;
  const read = files.flatMap(([name, family]) => {
    try {
      return [parseProcNetTcp(readFileSync(join(root, 'net', name), 'utf8'), family, options.endianness)];
    } catch {
      return []; // tcp6 is absent when IPv6 is disabled; judged below if neither is readable
    }
  });
  if (read.length === 0) return { verdict: 'skip', reason: `${root}/net/tcp and tcp6 cannot be read`, target, port, listeners: [] };
  const listeners = read.flat().filter((l) => l.port === port);
  if (listeners.length === 0) return { verdict: 'skip', reason: `nothing listens on port ${port} in this network namespace`, target, port, listeners };
  const exposed = exposedSockets(listeners);
  if (exposed.length === 0) return { verdict: 'pass', reason: `port ${port} is bound to loopback only (${listeners.map((l) => l.address).join(', ')})`, target, port, listeners };
  return { verdict: 'fail', reason: exposureMessage(port, exposed), target, port, listeners };
}

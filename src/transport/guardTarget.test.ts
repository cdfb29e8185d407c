import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HardenError } from '../errors.ts';
import { guardTarget, isLoopbackHost } from './guardTarget.ts';

describe('guardTarget', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts loopback targets', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:3000', 'http://127.5.6.7', 'http://api.localhost']) {
      expect(guardTarget(url, []).href).toMatch(/^http:/);
    }
  });

  it('refuses a non-loopback target before any connection is opened', () => {
    // Spy on every way a socket could be opened: the refusal must come first.
    const connect = vi.spyOn(net, 'connect');
    const createConnection = vi.spyOn(net, 'createConnection');
    for (const url of ['http://10.0.0.5:8080', 'https://api.example.com', 'http://192.168.1.1', 'http://[2001:db8::1]/']) {
      let error: unknown;
      try {
        guardTarget(url, []);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HardenError);
      expect((error as HardenError).code).toBe('TARGET_REFUSED');
      expect((error as HardenError).message).toMatch(/--allow-host/);
    }
    expect(connect).not.toHaveBeenCalled();
    expect(createConnection).not.toHaveBeenCalled();
  });

  it('accepts a non-loopback host the user named', () => {
    expect(guardTarget('https://staging.example.com', ['staging.example.com']).host).toBe('staging.example.com');
  });

  it('refuses URLs with credentials or other schemes', () => {
    expect(() => guardTarget('http://u:p@127.0.0.1', [])).toThrow(/carries credentials/);
    expect(() => guardTarget('file:///etc/passwd', [])).toThrow(/only http: and https:/);
    expect(() => guardTarget('not a url', [])).toThrow(/is not a URL/);
  });

  it('knows loopback addresses', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { curlCommand } from './replay.ts';

describe('curlCommand', () => {
  it('keeps dot segments a path variant sends on purpose (--path-as-is), and adds nothing otherwise', () => {
    expect(curlCommand({ method: 'GET', url: 'http://127.0.0.1:1/orders/%2e%2e/orders/1', headers: {} })).toBe("curl -i --path-as-is -X GET 'http://127.0.0.1:1/orders/%2e%2e/orders/1'");
    expect(curlCommand({ method: 'GET', url: 'http://127.0.0.1:1/./orders', headers: {} })).toContain('--path-as-is');
    expect(curlCommand({ method: 'GET', url: 'http://127.0.0.1:1/orders/a.b', headers: {} })).not.toContain('--path-as-is');
  });
});

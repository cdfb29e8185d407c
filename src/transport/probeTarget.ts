import { connect } from 'node:net';
import { HardenError } from '../errors.ts';

/**
 * Opens (and closes) one TCP connection to the target before anything is planned to be sent,
 * so a dead target ends the run at once with a sentence, not with a hundred failed cases.
 */
export async function probeTarget(url: URL, timeoutMs = 5_000): Promise<void> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (why: string, cause?: unknown) => {
      socket.destroy();
      reject(
        new HardenError(
          'TARGET_UNREACHABLE',
          `Cannot reach ${url.origin}: ${why}. Start the API (or check --base-url and the manifest's baseUrl) and run again.`,
          { cause },
        ),
      );
    };
    socket.setTimeout(timeoutMs, () => fail(`no connection within ${timeoutMs} ms`));
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ECONNREFUSED' ? 'nothing is listening there' : (error.code ?? error.message), error));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
  });
}

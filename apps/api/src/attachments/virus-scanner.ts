import { connect } from 'node:net';
import type { VirusScanConfig } from './attachments-config.js';

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/**
 * The virus-scanning hook: every file passes `scan` before it is stored.
 * Implement it for another scanner and return it from `createVirusScanner`.
 * A scanner that cannot answer throws, and the upload is refused as
 * unavailable (503) rather than stored unscanned.
 */
export interface VirusScanner {
  readonly name: string;
  scan(bytes: Buffer): Promise<ScanVerdict>;
}

/** No scanning configured: every file is clean. */
export const NO_SCAN: VirusScanner = { name: 'none', scan: async () => ({ clean: true }) };

/**
 * clamd over TCP (`CLAMD_ADDRESS=host:3310`) with the INSTREAM command:
 * `zINSTREAM\0`, then chunks each prefixed by a 4-byte big-endian length,
 * then a zero length; clamd answers `stream: OK` or `stream: <name> FOUND`.
 * Side effects: one connection per file.
 */
export class ClamdScanner implements VirusScanner {
  readonly name = 'clamd';

  constructor(private readonly config: Extract<VirusScanConfig, { kind: 'clamd' }>) {}

  scan(bytes: Buffer): Promise<ScanVerdict> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.config.host, port: this.config.port });
      const replies: Buffer[] = [];
      socket.setTimeout(this.config.timeoutMs, () =>
        socket.destroy(new Error('clamd did not answer in time')),
      );
      socket.on('error', reject);
      socket.on('data', (chunk) => replies.push(chunk));
      socket.on('end', () => {
        const reply = Buffer.concat(replies).toString('utf8').replace(/\0/g, '').trim();
        const found = /^stream: (.+) FOUND$/.exec(reply);
        if (found) resolve({ clean: false, signature: found[1]! });
        else if (/^stream: OK$/.test(reply)) resolve({ clean: true });
        else reject(new Error(`clamd answered "${reply.slice(0, 200)}"`));
      });
      socket.on('connect', () => {
        socket.write('zINSTREAM\0');
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
          const chunk = bytes.subarray(offset, offset + 64 * 1024);
          const length = Buffer.alloc(4);
          length.writeUInt32BE(chunk.length);
          socket.write(length);
          socket.write(chunk);
        }
        socket.end(Buffer.alloc(4));
      });
    });
  }
}

/** The scanner the configuration names. Pure. */
export function createVirusScanner(config: VirusScanConfig): VirusScanner {
  return config.kind === 'clamd' ? new ClamdScanner(config) : NO_SCAN;
}

import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAttachmentsConfig } from './attachments-config.js';
import { ClamdScanner, createVirusScanner, NO_SCAN } from './virus-scanner.js';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** A stand-in for clamd on loopback: reads the INSTREAM chunks and answers like clamd does. */
function fakeClamd(): Promise<{ server: Server; port: number; received: Buffer[] }> {
  const received: Buffer[] = [];
  const server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      if (!all.subarray(all.length - 4).equals(Buffer.alloc(4))) return;
      let offset = 'zINSTREAM\0'.length;
      const body: Buffer[] = [];
      while (offset < all.length) {
        const length = all.readUInt32BE(offset);
        if (length === 0) break;
        body.push(all.subarray(offset + 4, offset + 4 + length));
        offset += 4 + length;
      }
      const file = Buffer.concat(body);
      received.push(file);
      socket.end(
        file.includes(Buffer.from('EICAR')) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0',
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port, received }),
    ),
  );
}

describe('the clamd virus-scanning hook', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('streams the file with INSTREAM and reports clamd’s verdict', async () => {
    const clamd = await fakeClamd();
    server = clamd.server;
    const scanner = createVirusScanner(
      loadAttachmentsConfig({ CLAMD_ADDRESS: `127.0.0.1:${clamd.port}` }).scan,
    );
    expect(scanner).toBeInstanceOf(ClamdScanner);
    const big = Buffer.alloc(200 * 1024, 7);
    expect(await scanner.scan(big)).toEqual({ clean: true });
    expect(clamd.received[0]!.equals(big)).toBe(true);
    expect(await scanner.scan(Buffer.from(EICAR))).toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
  });

  it('fails when clamd cannot be reached, so no file is stored unscanned', async () => {
    const scanner = new ClamdScanner({ kind: 'clamd', host: '127.0.0.1', port: 1, timeoutMs: 1000 });
    await expect(scanner.scan(Buffer.from('x'))).rejects.toThrow();
  });

  it('scans nothing without CLAMD_ADDRESS and refuses a malformed one', () => {
    expect(createVirusScanner(loadAttachmentsConfig({}).scan)).toBe(NO_SCAN);
    expect(() => loadAttachmentsConfig({ CLAMD_ADDRESS: 'clamav' })).toThrow(/CLAMD_ADDRESS/);
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A node:http server on 127.0.0.1 standing in for another system: every
 * call is recorded, `respond` decides the answer, and `processed` counts
 * the keys it acted on (it dedupes by Idempotency-Key, as a receiver should).
 */
export class LocalReceiver {
  readonly calls: ReceivedCall[] = [];
  readonly processed = new Map<string, number>();
  respond: (
    call: ReceivedCall,
    attempt: number,
  ) => { status: number; body?: unknown; headers?: Record<string, string> } = () => ({
    status: 200,
    body: {},
  });
  private server: Server | null = null;
  port = 0;

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const call = {
          method: request.method ?? '',
          path: request.url ?? '',
          idempotencyKey: request.headers['idempotency-key'] as string | undefined,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: request.headers,
        };
        this.calls.push(call);
        const attempt = this.calls.filter((c) => c.path === call.path).length;
        const answer = this.respond(call, attempt);
        if (answer.status >= 200 && answer.status < 300 && call.idempotencyKey) {
          this.processed.set(call.idempotencyKey, (this.processed.get(call.idempotencyKey) ?? 0) + 1);
        }
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  checkResolvedAddress,
  checkTargetUrl,
  type TargetRules,
  TargetRefusedError,
} from './http-target-policy.js';

export interface HttpCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface HttpReply {
  status: number;
  body: string;
}

export interface HttpLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

/** A failure worth retrying (timeouts, connection errors, 5xx, 429) or not (refused targets, 4xx, redirects). */
export class HttpCallError extends Error {
  override readonly name = 'HttpCallError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * A `lookup` for http.request that resolves every address of the host,
 * refuses the connection if any of them is private (unless allowed), and hands
 * the socket only the addresses it checked — so a DNS answer cannot change
 * between the check and the connect.
 */
function guardedLookup(rules: TargetRules): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      try {
        if (addresses.length === 0) throw new TargetRefusedError(`Host "${hostname}" has no address.`);
        for (const entry of addresses) checkResolvedAddress(hostname, entry.address, rules);
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, '', 4);
      }
      const first = addresses[0] as LookupAddress;
      if ((options as { all?: boolean }).all)
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * Performs one HTTP call under the SSRF rules: checks the URL, resolves and
 * checks the host at connect time, follows no redirects, stops at the
 * timeout and the response-size cap. Side effect: the network call.
 * Throws {@link HttpCallError}; a 2xx reply resolves.
 */
export async function sendGuarded(
  call: HttpCall,
  rules: TargetRules,
  limits: HttpLimits,
): Promise<HttpReply> {
  let url: URL;
  try {
    url = checkTargetUrl(call.url, rules);
  } catch (error) {
    throw new HttpCallError((error as Error).message, false);
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HttpReply>((resolve, reject) => {
    const fail = (error: HttpCallError) => {
      clearTimeout(timer);
      reject(error);
    };
    const req = send(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: call.method,
        headers: {
          ...call.headers,
          ...(call.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(call.body)) }),
        },
        lookup: guardedLookup(rules),
        agent: false,
      },
      (response) =>
        readReply(response, limits.maxResponseBytes).then((reply) => {
          clearTimeout(timer);
          if (reply.status >= 300 && reply.status < 400) {
            return reject(
              new HttpCallError(
                `HTTP ${reply.status}: redirects are not followed (Location: ${String(response.headers.location ?? '-').slice(0, 200)}).`,
                false,
                reply.status,
              ),
            );
          }
          if (reply.status >= 400) {
            const retryable = reply.status >= 500 || reply.status === 408 || reply.status === 429;
            return reject(
              new HttpCallError(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`, retryable, reply.status),
            );
          }
          resolve(reply);
        }, fail),
    );
    const timer = setTimeout(() => {
      req.destroy();
      fail(new HttpCallError(`No answer within ${limits.timeoutMs} ms.`, true));
    }, limits.timeoutMs);
    req.on('error', (error) => {
      if (error instanceof TargetRefusedError) return fail(new HttpCallError(error.message, false));
      fail(
        new HttpCallError(
          `${(error as NodeJS.ErrnoException).code ?? 'network error'}: ${error.message}`,
          true,
        ),
      );
    });
    if (call.body !== undefined) req.write(call.body);
    req.end();
  });
}

function readReply(response: IncomingMessage, maxBytes: number): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(
          new HttpCallError(`The response is larger than ${maxBytes} bytes.`, false, response.statusCode),
        );
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () =>
      resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
    );
    response.on('error', (error) =>
      reject(new HttpCallError(`The response broke off: ${error.message}`, true)),
    );
  });
}

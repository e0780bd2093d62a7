import { Inject, Injectable } from '@nestjs/common';
import type { Problem, WorkflowDefinition } from '@ticketflow/definition';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { describeRange } from './address-classifier.js';
import { hostMatches, rangeOfHost } from './http-target-policy.js';
import { SECRET_PLACEHOLDER } from './secret-placeholders.js';

// Headers that carry credentials: their value belongs in the secret store, not in a definition anyone can read.
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'cookie',
]);

/**
 * A warning per credential header whose value is written out instead of
 * referring to a stored secret (`{{secret:NAME}}`): definitions are readable
 * by everyone who can see a ticket of the workflow. Pure.
 */
export function literalCredentialWarnings(
  nodeId: string,
  nodeName: string | undefined,
  headers: Record<string, string> | undefined,
): Problem[] {
  return Object.entries(headers ?? {})
    .filter(
      ([name, value]) =>
        CREDENTIAL_HEADERS.has(name.toLowerCase()) &&
        typeof value === 'string' &&
        value.trim() !== '' &&
        !new RegExp(SECRET_PLACEHOLDER.source).test(value),
    )
    .map(([name]) => ({
      code: 'literal-credential-header',
      severity: 'warning' as const,
      message: `${nodeName ?? nodeId}: the ${name} header holds a literal value, which everyone who can read this workflow sees; store it as a secret (admin → secrets) and write {{secret:NAME}} instead.`,
      nodeId,
      field: `action.headers.${name}`,
    }));
}

/**
 * Publish-time SSRF check: an `http` action whose URL names a loopback,
 * private, link-local or metadata host literally (in any spelling) is an
 * error, unless the environment allows that host to be private. Names are
 * checked again after DNS at send time; the allow-list is checked at send
 * time too (an admin may add hosts after publishing).
 */
@Injectable()
export class HttpActionPublishCheck {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Problems in `definition`'s HTTP actions; pure apart from reading the config. */
  problems(definition: WorkflowDefinition): Problem[] {
    const problems: Problem[] = [];
    for (const node of definition.nodes ?? []) {
      if (node.type !== 'action') continue;
      // A document action that sends its PDF on calls out like an http action (issue 21).
      const call = node.action?.type === 'document' ? node.action.send : node.action;
      if (!call || !('url' in call) || typeof call.url !== 'string') continue;
      const prefix = node.action.type === 'document' ? 'action.send' : 'action';
      problems.push(
        ...literalCredentialWarnings(node.id, node.name, call.headers).map((problem) => ({
          ...problem,
          field: problem.field?.replace(/^action/, prefix),
        })),
      );
      let host: string;
      try {
        host = new URL(call.url).hostname;
      } catch {
        continue;
      }
      const range = rangeOfHost(host);
      if (!range || hostMatches(host, this.config.workers.httpAllowPrivateHosts)) continue;
      problems.push({
        code: 'http-target-private',
        severity: 'error',
        message: `${node.name ?? node.id}: the URL's host "${host}" is ${describeRange(range)}; HTTP actions may only call public hosts.`,
        nodeId: node.id,
        field: `${prefix}.url`,
      });
    }
    return problems;
  }
}

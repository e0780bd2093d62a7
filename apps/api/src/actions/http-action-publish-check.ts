import { Inject, Injectable } from '@nestjs/common';
import type { Problem, WorkflowDefinition } from '@ticketflow/definition';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { describeRange } from './address-classifier.js';
import { hostMatches, rangeOfHost } from './http-target-policy.js';

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
      if (node.type !== 'action' || node.action?.type !== 'http' || typeof node.action.url !== 'string') continue;
      let host: string;
      try {
        host = new URL(node.action.url).hostname;
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
        field: 'action.url',
      });
    }
    return problems;
  }
}

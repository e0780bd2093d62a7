import { chooseBranch } from '@ticketflow/rules';
import type { Placement } from '@ticketflow/compiler';
import { emptyRunOutcome } from './multi-instance.js';
import { openInclusive } from './route-inclusive.js';
import { edgeForOutcome, type Session } from './step-session.js';

/**
 * Routes everything that does not wait — start, decisions (conditions
 * evaluated with `chooseBranch`), joins, set-fields actions, N-of-M joins
 * whose count is met — until the instance waits, ends, or exceeds the bound
 * on automatic steps (an incident, never a hang). Mutates only the session.
 */
export async function settle(session: Session): Promise<void> {
  while (session.status === 'active') {
    if (session.machineDone()) {
      finish(session);
      return;
    }
    const work = nextAutomatic(session);
    if (!work) return;
    session.autoSteps += 1;
    if (session.autoSteps > session.maxAutoSteps) {
      session.incident(
        'too-many-steps',
        `More than ${session.maxAutoSteps} automatic steps without waiting; the flow loops without a waiting step (last at "${work.nodeId}").`,
        work.nodeId,
      );
      return;
    }
    const moved = await work.run();
    if (!moved && session.status === 'active') {
      session.incident('stuck', `The flow cannot leave "${work.nodeId}".`, work.nodeId);
      return;
    }
  }
}

interface AutomaticWork {
  nodeId: string;
  run: () => Promise<boolean>;
}

function nextAutomatic(session: Session): AutomaticWork | null {
  const { compiled } = session;
  const leaves = session.active();
  for (const placement of leaves) {
    if (placement.kind === 'gate')
      return { nodeId: placement.nodeId, run: () => openInclusive(session, placement) };
    if (placement.kind !== 'node') continue;
    const info = compiled.nodes[placement.nodeId];
    if (!info) continue;
    const nodeId = info.id;
    switch (info.type) {
      case 'start':
      case 'join':
        return { nodeId, run: async () => followPlainEdge(session, placement) };
      case 'decision':
        return { nodeId, run: () => decide(session, placement) };
      case 'task':
      case 'approval': {
        const outcome = emptyRunOutcome(
          session,
          info,
          `${nodeId}#${session.entries()[placement.path] ?? 1}`,
          placement.path,
        );
        if (outcome !== null)
          return {
            nodeId,
            run: async () =>
              leaveBy(session, placement, outcome, { kind: 'note', text: 'no items: nothing to do' }),
          };
        break;
      }
      case 'action':
        if (info.action?.type === 'set-fields') {
          const values = info.action.values;
          return {
            nodeId,
            run: async () => {
              Object.assign(session.fields, values);
              return leaveBy(session, placement, 'ok', {
                kind: 'note',
                text: `set ${Object.keys(values).join(', ')}`,
              });
            },
          };
        }
        break;
      default:
        break;
    }
  }
  return joinReady(session, leaves);
}

function joinReady(session: Session, leaves: Placement[]): AutomaticWork | null {
  const arrived = new Map<string, number>();
  for (const placement of leaves) {
    if (placement.kind === 'arrival' && placement.blockPath !== undefined) {
      arrived.set(placement.blockPath, (arrived.get(placement.blockPath) ?? 0) + 1);
    }
  }
  for (const [blockPath, count] of arrived) {
    const block = session.compiled.blocks[blockPath];
    if (!block?.joinId || count < block.required || block.required >= block.branches) continue;
    const joinId = block.joinId;
    return {
      nodeId: joinId,
      run: async () => {
        session.record('auto', joinId, joinId, {
          kind: 'note',
          text: `${count} of ${block.branches} branches arrived (${block.required} required); the others are cancelled`,
        });
        return session.send({ type: 'join', nodeId: joinId, path: blockPath }, 'auto');
      },
    };
  }
  return null;
}

function followPlainEdge(session: Session, placement: Placement): boolean {
  const { nodeId, path } = placement;
  const edge = session.compiled.nodes[nodeId]?.outgoing[0];
  if (!edge) {
    session.incident('no-way-out', `No edge leaves "${nodeId}".`, nodeId);
    return false;
  }
  return session.take(edge, path, 'auto');
}

async function decide(session: Session, placement: Placement): Promise<boolean> {
  const { nodeId, path } = placement;
  const info = session.compiled.nodes[nodeId];
  let choice;
  try {
    choice = await chooseBranch(info?.outgoing ?? [], session.fields, session.compiled.definition.fields);
  } catch (error) {
    session.incident('condition-error', `Evaluating "${nodeId}" failed: ${(error as Error).message}`, nodeId);
    return false;
  }
  if (!choice) {
    session.incident(
      'no-branch-matched',
      `No condition of decision "${nodeId}" holds and it has no default edge.`,
      nodeId,
    );
    return false;
  }
  return session.take(choice.edge, path, 'auto', choice.detail);
}

/**
 * Leaves a node by an outcome, or raises an incident when no edge follows it.
 * Mutates only the session.
 */
export function leaveBy(
  session: Session,
  at: { nodeId: string; path: string },
  outcome: string,
  detail: Parameters<Session['take']>[3],
  eventName = 'auto',
): boolean {
  const { nodeId, path } = at;
  const edge = edgeForOutcome(session.compiled, nodeId, outcome);
  if (!edge) {
    session.incident(
      'no-edge-for-outcome',
      `"${nodeId}" ended with "${outcome}" but no edge follows that outcome.`,
      nodeId,
    );
    return false;
  }
  return session.take(edge, path, eventName, detail);
}

function finish(session: Session): void {
  const { compiled, book } = session;
  const final = session.active().find((placement) => placement.path.indexOf('/') === -1);
  if (final?.kind === 'cancelled') {
    session.status = 'cancelled';
    session.outcome = 'cancelled';
    return;
  }
  const outcome =
    final?.kind === 'split-done'
      ? (book.lastOutcome ?? 'resolved')
      : (compiled.nodes[final?.nodeId ?? '']?.outcome ?? 'resolved');
  session.status = 'completed';
  session.outcome = outcome;
  session.effects.push({ type: 'instance.complete', outcome });
}

import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from '@ticketflow/definition';
import i18n from '../../i18n/i18n';
import { simulatedAssignee } from './simulated-assignee';

const t = i18n.getFixedT('en');

describe('simulatedAssignee', () => {
  it("shows a group in the simulated ticket's region with its fallback", () => {
    const node = {
      id: 'owner',
      type: 'approval',
      approvers: { group: 'store-owners', regionField: 'region', fallback: { role: 'manager' } },
    } as WorkflowNode;
    expect(simulatedAssignee(node, { region: 'west' }, t)).toBe(
      'store-owners · region from region = west · if nobody: manager',
    );
  });

  it("names the requester's manager, levels up", () => {
    const node = { id: 'boss', type: 'task', assignee: { manager: 'requester', levels: 2 } } as WorkflowNode;
    expect(simulatedAssignee(node, {}, t)).toBe('requester’s manager (2 up)');
  });
});

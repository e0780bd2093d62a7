import { describe, expect, it } from 'vitest';
import { diffDefinitions } from '@ticketflow/definition';
import { refundApproval } from '../test/fixtures';
import { diffView } from './diff-view';

describe('diffView', () => {
  it('draws the newer definition plus what it removed, marking added, removed and changed elements', () => {
    const before = refundApproval();
    const after = refundApproval();
    after.nodes = after.nodes.filter((node) => node.id !== 'manager');
    after.edges = after.edges.filter((edge) => edge.source !== 'manager' && edge.target !== 'manager');
    after.nodes.push({ id: 'lead', type: 'approval', name: 'Lead', approvers: { role: 'lead' } });
    after.edges.push({ id: 'e10', source: 'amount', target: 'lead', default: true });
    after.edges = after.edges.map((edge) => (edge.id === 'e3' ? { ...edge, label: 'big' } : edge));
    const view = diffView(before, after, diffDefinitions(before, after));
    expect(view.definition.nodes.map((node) => node.id)).toContain('manager');
    expect(view.nodes.get('manager')).toBe('removed');
    expect(view.nodes.get('lead')).toBe('added');
    expect(view.edges.get('e3')).toBe('changed');
    expect(view.edges.get('e4')).toBe('removed');
    expect(view.edges.get('e10')).toBe('added');
    expect(view.nodes.get('review')).toBeUndefined();
  });
});

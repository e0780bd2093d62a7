import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { describeAssignmentDetail, type AssignmentDetail } from './assignment-text';

const west: AssignmentDetail = {
  kind: 'assignment',
  nodeId: 'west',
  rule: 'role',
  name: 'agent',
  unmatched: { reason: 'no-match', region: 'west', skills: [] },
  fallback: { to: 'role', name: 'area-manager' },
  text: '',
};

describe('assignment entries on the timeline', () => {
  it('say in English why nobody matched and where the step went', () => {
    expect(describeAssignmentDetail(west, 'Store team (west)', i18n.getFixedT('en'))).toBe(
      'Store team (west) goes to the role “agent”, but nobody active matches in region west; it went to the role “area-manager”',
    );
  });

  it('say it in Chinese too', () => {
    const text = describeAssignmentDetail(west, '西区门店', i18n.getFixedT('zh-CN'));
    expect(text).toContain('没有符合条件的在职人员');
    expect(text).toContain('area-manager');
  });

  it('name who was found and how', () => {
    const found: AssignmentDetail = {
      kind: 'assignment',
      nodeId: 'approve',
      rule: 'manager-of-requester',
      levels: 2,
      usernames: ['areamgr-east'],
      text: '',
    };
    expect(describeAssignmentDetail(found, 'Approve', i18n.getFixedT('en'))).toBe(
      'Approve went to the requester’s manager (2 levels up): areamgr-east',
    );
  });
});

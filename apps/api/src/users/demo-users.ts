/** The demo people of DESIGN.md §8 (password `demo`), seeded in demo mode only. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_ROLES = [
  { name: 'admin', label: 'Administrator' },
  { name: 'designer', label: 'Process owner' },
  { name: 'agent', label: 'Agent' },
  { name: 'manager', label: 'Manager' },
  { name: 'finance', label: 'Finance' },
  { name: 'requester', label: 'Requester' },
  { name: 'engineer', label: 'Engineer' },
  { name: 'cab', label: 'Change advisory board' },
  { name: 'area-manager', label: 'Area manager' },
  { name: 'legal', label: 'Legal' },
];

export const DEMO_USERS = [
  { username: 'admin', displayName: 'Ada Admin', roles: ['admin'], skills: [], region: null },
  { username: 'owner', displayName: 'Owen Owner', roles: ['designer'], skills: [], region: null },
  { username: 'agent', displayName: 'Alice Agent', roles: ['agent'], skills: ['refunds', 'returns'], region: 'east' },
  { username: 'manager', displayName: 'Mia Manager', roles: ['manager'], skills: [], region: 'east' },
  { username: 'finance1', displayName: 'Fei Finance', roles: ['finance'], skills: [], region: null },
  { username: 'finance2', displayName: 'Fred Finance', roles: ['finance'], skills: [], region: null },
  { username: 'requester', displayName: 'Rita Requester', roles: ['requester'], skills: [], region: null },
  // People the industry templates (workflows/*.json) route to. The region of an engineer is their production line.
  { username: 'engineer1', displayName: 'Eli Engineer', roles: ['engineer'], skills: ['equipment-repair', 'plc'], region: 'line-1' },
  { username: 'engineer2', displayName: 'Erin Engineer', roles: ['engineer'], skills: ['equipment-repair', 'incident-response'], region: 'line-2' },
  { username: 'cab1', displayName: 'Cai CAB', roles: ['cab'], skills: [], region: null },
  { username: 'cab2', displayName: 'Chen CAB', roles: ['cab'], skills: [], region: null },
  { username: 'cab3', displayName: 'Cora CAB', roles: ['cab'], skills: [], region: null },
  { username: 'areamgr-east', displayName: 'Ava Area Manager', roles: ['area-manager'], skills: [], region: 'east' },
  { username: 'areamgr-west', displayName: 'Wen Area Manager', roles: ['area-manager'], skills: [], region: 'west' },
  // The purchase request's sign-off needs one of legal beside two of finance (workflows/purchase-request.json).
  { username: 'legal1', displayName: 'Lena Legal', roles: ['legal'], skills: [], region: null },
];

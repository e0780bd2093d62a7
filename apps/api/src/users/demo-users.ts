/** The demo people of the README (password `demo`), seeded in demo mode only. */
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

export interface DemoUser {
  username: string;
  displayName: string;
  roles: string[];
  skills: string[];
  regions: string[];
  groups: string[];
  /** Username of the line manager. */
  manager: string | null;
}

/**
 * The demo people with their place in the organisation: who reports to whom
 * (requester → manager → areamgr-east → admin, so "manager of the requester"
 * and escalation chains have somewhere to go), groups and regions. Nobody in
 * the agent role works in region west, so the retail complaint's west branch
 * shows its fallback.
 */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Ada Admin',
    roles: ['admin'],
    skills: [],
    regions: [],
    groups: [],
    manager: null,
  },
  {
    username: 'owner',
    displayName: 'Owen Owner',
    roles: ['designer'],
    skills: [],
    regions: [],
    groups: [],
    manager: 'admin',
  },
  {
    username: 'agent',
    displayName: 'Alice Agent',
    roles: ['agent'],
    skills: ['refunds', 'returns'],
    regions: ['east'],
    groups: ['service-desk'],
    manager: 'manager',
  },
  {
    username: 'manager',
    displayName: 'Mia Manager',
    roles: ['manager'],
    skills: [],
    regions: ['east'],
    groups: ['managers'],
    manager: 'areamgr-east',
  },
  {
    username: 'finance1',
    displayName: 'Fei Finance',
    roles: ['finance'],
    skills: [],
    regions: [],
    groups: ['finance-team'],
    manager: 'admin',
  },
  {
    username: 'finance2',
    displayName: 'Fred Finance',
    roles: ['finance'],
    skills: [],
    regions: [],
    groups: ['finance-team'],
    manager: 'finance1',
  },
  {
    username: 'requester',
    displayName: 'Rita Requester',
    roles: ['requester'],
    skills: [],
    regions: ['east'],
    groups: [],
    manager: 'manager',
  },
  // People the industry templates (workflows/*.json) route to. The region of an engineer is their production line.
  {
    username: 'engineer1',
    displayName: 'Eli Engineer',
    roles: ['engineer'],
    skills: ['equipment-repair', 'plc'],
    regions: ['line-1'],
    groups: ['maintenance'],
    manager: 'manager',
  },
  {
    username: 'engineer2',
    displayName: 'Erin Engineer',
    roles: ['engineer'],
    skills: ['equipment-repair', 'incident-response'],
    regions: ['line-2'],
    groups: ['maintenance'],
    manager: 'manager',
  },
  {
    username: 'cab1',
    displayName: 'Cai CAB',
    roles: ['cab'],
    skills: [],
    regions: [],
    groups: ['change-board'],
    manager: 'admin',
  },
  {
    username: 'cab2',
    displayName: 'Chen CAB',
    roles: ['cab'],
    skills: [],
    regions: [],
    groups: ['change-board'],
    manager: 'cab1',
  },
  {
    username: 'cab3',
    displayName: 'Cora CAB',
    roles: ['cab'],
    skills: [],
    regions: [],
    groups: ['change-board'],
    manager: 'cab1',
  },
  {
    username: 'areamgr-east',
    displayName: 'Ava Area Manager',
    roles: ['area-manager'],
    skills: [],
    regions: ['east'],
    groups: ['store-owners'],
    manager: 'admin',
  },
  {
    username: 'areamgr-west',
    displayName: 'Wen Area Manager',
    roles: ['area-manager'],
    skills: [],
    regions: ['west'],
    groups: ['store-owners'],
    manager: 'admin',
  },
  // The purchase request's sign-off needs one of legal beside two of finance (workflows/purchase-request.json).
  {
    username: 'legal1',
    displayName: 'Lena Legal',
    roles: ['legal'],
    skills: [],
    regions: [],
    groups: [],
    manager: 'admin',
  },
];

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
  /** Where notifications go when SMTP is configured (`.test` is reserved: nothing is delivered by accident). */
  email: string;
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
    email: 'admin@example.test',
    displayName: 'Ada Admin',
    roles: ['admin'],
    skills: [],
    regions: [],
    groups: [],
    manager: null,
  },
  {
    username: 'owner',
    email: 'owner@example.test',
    displayName: 'Owen Owner',
    roles: ['designer'],
    skills: [],
    regions: [],
    groups: [],
    manager: 'admin',
  },
  {
    username: 'agent',
    email: 'agent@example.test',
    displayName: 'Alice Agent',
    roles: ['agent'],
    skills: ['refunds', 'returns'],
    regions: ['east'],
    groups: ['service-desk'],
    manager: 'manager',
  },
  {
    username: 'manager',
    email: 'manager@example.test',
    displayName: 'Mia Manager',
    roles: ['manager'],
    skills: [],
    regions: ['east'],
    groups: ['managers'],
    manager: 'areamgr-east',
  },
  {
    username: 'finance1',
    email: 'finance1@example.test',
    displayName: 'Fei Finance',
    roles: ['finance'],
    skills: [],
    regions: [],
    groups: ['finance-team'],
    manager: 'admin',
  },
  {
    username: 'finance2',
    email: 'finance2@example.test',
    displayName: 'Fred Finance',
    roles: ['finance'],
    skills: [],
    regions: [],
    groups: ['finance-team'],
    manager: 'finance1',
  },
  {
    username: 'requester',
    email: 'requester@example.test',
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
    email: 'engineer1@example.test',
    displayName: 'Eli Engineer',
    roles: ['engineer'],
    skills: ['equipment-repair', 'plc'],
    regions: ['line-1'],
    groups: ['maintenance'],
    manager: 'manager',
  },
  {
    username: 'engineer2',
    email: 'engineer2@example.test',
    displayName: 'Erin Engineer',
    roles: ['engineer'],
    skills: ['equipment-repair', 'incident-response'],
    regions: ['line-2'],
    groups: ['maintenance'],
    manager: 'manager',
  },
  {
    username: 'cab1',
    email: 'cab1@example.test',
    displayName: 'Cai CAB',
    roles: ['cab'],
    skills: [],
    regions: [],
    groups: ['change-board'],
    manager: 'admin',
  },
  {
    username: 'cab2',
    email: 'cab2@example.test',
    displayName: 'Chen CAB',
    roles: ['cab'],
    skills: [],
    regions: [],
    groups: ['change-board'],
    manager: 'cab1',
  },
  {
    username: 'cab3',
    email: 'cab3@example.test',
    displayName: 'Cora CAB',
    roles: ['cab'],
    skills: [],
    regions: [],
    groups: ['change-board'],
    manager: 'cab1',
  },
  {
    username: 'areamgr-east',
    email: 'areamgr-east@example.test',
    displayName: 'Ava Area Manager',
    roles: ['area-manager'],
    skills: [],
    regions: ['east'],
    groups: ['store-owners'],
    manager: 'admin',
  },
  {
    username: 'areamgr-west',
    email: 'areamgr-west@example.test',
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
    email: 'legal1@example.test',
    displayName: 'Lena Legal',
    roles: ['legal'],
    skills: [],
    regions: [],
    groups: [],
    manager: 'admin',
  },
];

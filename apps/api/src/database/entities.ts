import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { InstanceEntity } from '../engine/instance.entity.js';
import { TransitionEntity } from '../engine/transition.entity.js';
import { IncidentEntity } from '../incidents/incident.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { ApprovalVoteEntity } from '../tasks/approval-vote.entity.js';
import { TaskEntity } from '../tasks/task.entity.js';
import { TicketEntity } from '../tickets/ticket.entity.js';
import { TimerEntity } from '../timers/timer.entity.js';
import { DelegationEntity } from '../users/delegation.entity.js';
import { RoleEntity } from '../users/role.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { WorkflowDraftEntity } from '../workflows/workflow-draft.entity.js';
import { WorkflowVersionEntity } from '../workflows/workflow-version.entity.js';

/** Every TypeORM entity; the schema itself comes from the migrations. */
export const ENTITIES = [
  UserEntity,
  RoleEntity,
  DelegationEntity,
  WorkflowDraftEntity,
  WorkflowVersionEntity,
  TicketEntity,
  InstanceEntity,
  TransitionEntity,
  TaskEntity,
  ApprovalVoteEntity,
  TimerEntity,
  OutboxMessageEntity,
  IncidentEntity,
  AuditEntryEntity,
];

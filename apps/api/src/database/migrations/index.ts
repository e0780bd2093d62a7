import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { IntakeAndRules1764000300000 } from './1764000300000-intake-and-rules.js';
import { ReportRollups1764000500000 } from './1764000500000-report-rollups.js';
import { AuditAppendOnly1764000700000 } from './1764000700000-audit-append-only.js';
import { WorkersSlaNotifications1764500000000 } from './1764500000000-workers-sla-notifications.js';
import { EngineCore1765000000000 } from './1765000000000-engine-core.js';
import { HousekeepingIndexes1765000100000 } from './1765000100000-housekeeping-indexes.js';
import { Security1765000200000 } from './1765000200000-security.js';
import { StepFormsMail1765160000000 } from './1765160000000-step-forms-mail.js';
import { RequestCatalogue1765200000000 } from './1765200000000-request-catalogue.js';
import { TaskItems1765400000000 } from './1765400000000-task-items.js';
import { OrganisationDirectory1765500000000 } from './1765500000000-organisation-directory.js';
import { Attachments1765600000000 } from './1765600000000-attachments.js';
import { MailSatisfaction1765700000000 } from './1765700000000-mail-satisfaction.js';
import { Subflows1765800000000 } from './1765800000000-subflows.js';

/** Every migration, oldest first. Migrations run at start-up; `synchronize` is never used. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  IntakeAndRules1764000300000,
  ReportRollups1764000500000,
  AuditAppendOnly1764000700000,
  WorkersSlaNotifications1764500000000,
  EngineCore1765000000000,
  HousekeepingIndexes1765000100000,
  Security1765000200000,
  StepFormsMail1765160000000,
  RequestCatalogue1765200000000,
  TaskItems1765400000000,
  OrganisationDirectory1765500000000,
  Attachments1765600000000,
  MailSatisfaction1765700000000,
  Subflows1765800000000,
];

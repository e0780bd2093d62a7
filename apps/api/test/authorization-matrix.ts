import { ADMIN_ROUTES } from './authorization/admin-routes.js';
import { INTAKE_AND_REPORT_ROUTES } from './authorization/intake-and-report-routes.js';
import { MAIL_AND_OPERATIONS_ROUTES } from './authorization/mail-and-operations-routes.js';
import type { RouteExpectation } from './authorization/matrix.types.js';
import { TASK_ROUTES } from './authorization/task-routes.js';
import { TICKET_ROUTES } from './authorization/ticket-routes.js';
import { WORKFLOW_ROUTES } from './authorization/workflow-routes.js';

export { ACTORS, type ActorName, type Call, type RouteExpectation } from './authorization/matrix.types.js';

/**
 * Every route of the API and what each actor gets, one file per area under
 * `authorization/`. A route missing here fails the suite.
 */
export const MATRIX: RouteExpectation[] = [
  ...WORKFLOW_ROUTES,
  ...TICKET_ROUTES,
  ...TASK_ROUTES,
  ...ADMIN_ROUTES,
  ...INTAKE_AND_REPORT_ROUTES,
  ...MAIL_AND_OPERATIONS_ROUTES,
];

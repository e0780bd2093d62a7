// The API's public entry point for code outside apps/api (the bench, tools): what it takes to
// boot the server in another process and call its services. Nothing else of apps/api is public;
// lint refuses deep imports into apps/api/src or apps/api/dist from other projects.
export { createApp } from './app.factory.js';
export { loadConfig, type AppConfig } from './config/app-config.js';
export { openDatabase, type DatabaseConnection } from './database/database-connection.js';
export { AppLogger } from './common/logging/app-logger.js';
export { TicketsService } from './tickets/tickets.service.js';
export { TasksService } from './tasks/tasks.service.js';
export { AttachmentsService } from './attachments/attachments.service.js';
export { TimerScheduler } from './engine/workers/timer-scheduler.js';
export { REPORT_SESSION_SQL, type Queryable } from './reports/report-values.js';
export { approvalsReport } from './reports/approvals-report.js';
export { cycleTimeReport } from './reports/cycle-time-report.js';
export { nodeTimesReport } from './reports/node-times-report.js';
export { slaReport } from './reports/sla-report.js';
export { summaryReport } from './reports/summary-report.js';
export { trendReport } from './reports/trend-report.js';
export { waitingReport } from './reports/waiting-report.js';
export { workloadReport } from './reports/workload-report.js';

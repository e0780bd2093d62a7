import { CatalogueModule } from './catalogue/catalogue.module.js';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { AuthGuard } from './auth/auth.guard.js';
import { TextGuard } from './common/http/text-guard.js';
import { ActionsModule } from './actions/actions.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AutomationModule } from './automation/automation.module.js';
import { ClusterModule } from './cluster/cluster.module.js';
import { CommonModule } from './common/common.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { EngineModule } from './engine/engine.module.js';
import { HealthModule } from './health/health.module.js';
import { HousekeepingModule } from './housekeeping/housekeeping.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { LiveModule } from './live/live.module.js';
import { MailModule } from './mail/mail.module.js';
import { MessagesModule } from './messages/messages.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MigrationsModule } from './migrations/migrations.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SatisfactionModule } from './satisfaction/satisfaction.module.js';
import { SecretsModule } from './secrets/secrets.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { SlaModule } from './sla/sla.module.js';
import { SubflowsModule } from './subflows/subflows.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { TicketsModule } from './tickets/tickets.module.js';
import { TimersModule } from './timers/timers.module.js';
import { UsersModule } from './users/users.module.js';
import { VersionsModule } from './versions/versions.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { WorkflowsModule } from './workflows/workflows.module.js';

/** Every feature module; each declares what it serves, provides, exports and imports (apps/api/README.md, "Modules"). */
export const FEATURE_MODULES = [
  ActionsModule,
  AttachmentsModule,
  AuditModule,
  AuthModule,
  AutomationModule,
  CatalogueModule,
  ClusterModule,
  CommonModule,
  DemoModule,
  DocumentsModule,
  EngineModule,
  HealthModule,
  HousekeepingModule,
  IncidentsModule,
  IntakeModule,
  LiveModule,
  MailModule,
  MessagesModule,
  MetricsModule,
  MigrationsModule,
  NotificationsModule,
  OutboxModule,
  ReportsModule,
  SatisfactionModule,
  SecretsModule,
  SettingsModule,
  SlaModule,
  SubflowsModule,
  TasksModule,
  TicketsModule,
  TimersModule,
  UsersModule,
  VersionsModule,
  WebhooksModule,
  WorkflowsModule,
];

/**
 * The application: wiring only. Config and the database are opened before Nest starts and
 * handed to the global ConfigModule; the two global guards are declared here, in the order they run.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig, db: DatabaseConnection): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.register(config, db), ...FEATURE_MODULES],
      providers: [
        // Text first: a NUL or lone surrogate is a 400 naming the field on every route, before anything reads it.
        { provide: APP_GUARD, useClass: TextGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}

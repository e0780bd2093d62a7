import type { Provider, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditService } from './audit/audit.service.js';
import { IdempotencyInterceptor } from './common/context/idempotency.interceptor.js';
import { TransactionRunner } from './common/context/transaction-runner.js';
import { StartupSeedService } from './demo/startup-seed.service.js';
import { WorkflowSeeder } from './demo/workflow-seeder.js';
import { CompiledWorkflows } from './engine/compiled-workflows.js';
import { EngineConfig } from './engine/engine-config.js';
import { StepObservers } from './engine/step-observers.js';
import { EngineEvents } from './engine/engine-events.js';
import { EngineService } from './engine/engine.service.js';
import { TasksController } from './tasks/tasks.controller.js';
import { TasksService } from './tasks/tasks.service.js';
import { TicketsController } from './tickets/tickets.controller.js';
import { TicketsService } from './tickets/tickets.service.js';
import { DelegationsController } from './users/delegations.controller.js';
import { DelegationsService } from './users/delegations.service.js';
import { DirectoryController } from './users/directory.controller.js';
import { ColleaguesController } from './users/colleagues.controller.js';
import { InboxStream } from './live/inbox-stream.service.js';
import { LiveController } from './live/live.controller.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { DiffService } from './versions/diff.service.js';
import { ImpactService } from './versions/impact.service.js';
import { VersionsController } from './versions/versions.controller.js';
import { MigrationsController } from './migrations/migrations.controller.js';
import { MigrationsService } from './migrations/migrations.service.js';
import { DefinitionsController } from './workflows/definitions.controller.js';
import { WorkflowTemplates } from './workflows/workflow-templates.js';
import { WorkflowsController } from './workflows/workflows.controller.js';
import { WorkflowsService } from './workflows/workflows.service.js';
import { HttpActionHostsController } from './actions/http-action-hosts.controller.js';
import { HttpActionPublishCheck } from './actions/http-action-publish-check.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { IncidentsService } from './incidents/incidents.service.js';
import { InboundEventsController } from './messages/inbound-events.controller.js';
import { InboundEventsService } from './messages/inbound-events.service.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { MailSender } from './notifications/mail-sender.js';
import { StepNotifications } from './notifications/step-notifications.js';
import { OutboxDispatcher } from './outbox/outbox-dispatcher.js';
import { SlaClocks } from './sla/sla-clocks.js';
import { SlaEscalation } from './sla/sla-escalation.js';
import { SlaController } from './sla/sla.controller.js';
import { SlaService } from './sla/sla.service.js';
import { BusinessCalendarController } from './timers/business-calendar.controller.js';
import { OrganisationSettingsController } from './settings/organisation-settings.controller.js';
import { TimerScheduler } from './engine/workers/timer-scheduler.js';
import { AutomationService } from './automation/automation.service.js';
import { RulesController } from './automation/rules.controller.js';
import { RulesService } from './automation/rules.service.js';
import { IntakeChannelsService } from './intake/intake-channels.service.js';
import { IntakeController } from './intake/intake.controller.js';
import { IntakeService } from './intake/intake.service.js';
import { CrossProcessNotifier } from './cluster/cross-process-notifier.js';
import { HousekeepingService } from './housekeeping/housekeeping.service.js';
import { MetricsCollector } from './metrics/metrics-collector.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsRegistry } from './metrics/metrics-registry.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';
import { WebhookGate } from './webhooks/webhook-gate.js';
import { SecretsController } from './secrets/secrets.controller.js';
import { SecretStore } from './secrets/secret-store.js';
import { INBOUND_ATTACHMENT_SINK, LoggingAttachmentSink } from './mail/inbound-attachment-sink.js';
import { MailChannelsService } from './mail/mail-channels.service.js';
import { MailController } from './mail/mail.controller.js';
import { MailIntakeService } from './mail/mail-intake.service.js';
import { SmtpReceiver } from './mail/smtp-receiver.js';
import { SatisfactionController } from './satisfaction/satisfaction.controller.js';
import { SatisfactionObserver } from './satisfaction/satisfaction-observer.js';
import { SatisfactionService } from './satisfaction/satisfaction.service.js';
import { SurveyTokens } from './satisfaction/survey-token.js';

/** Controllers and providers of the product's features, registered in AppModule. */
export const FEATURE_CONTROLLERS: Type<unknown>[] = [
  WorkflowsController,
  DefinitionsController,
  DirectoryController,
  TicketsController,
  TasksController,
  DelegationsController,
  ColleaguesController,
  LiveController,
  // Issue 7: version diff, impact preview, migration of running tickets.
  VersionsController,
  MigrationsController,
  // Issue 5: timers, SLAs, outbox, incidents, notifications, inbound events.
  InboundEventsController,
  IncidentsController,
  NotificationsController,
  SlaController,
  BusinessCalendarController,
  OrganisationSettingsController,
  HttpActionHostsController,
  // Issue 9: intake webhooks and automation rules.
  IntakeController,
  RulesController,
  // Issue 10: reports.
  ReportsController,
  // Issue 20: operations.
  MetricsController,
  // Issue 17: user administration and the secret store.
  UsersController,
  SecretsController,
  // Issue 21: e-mail in and out, satisfaction (team performance is a report).
  MailController,
  SatisfactionController,
];

export const FEATURE_PROVIDERS: Provider[] = [
  AuditService,
  TransactionRunner,
  { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  WorkflowsService,
  WorkflowTemplates,
  WorkflowSeeder,
  StartupSeedService,
  CompiledWorkflows,
  EngineConfig,
  StepObservers,
  EngineEvents,
  EngineService,
  TicketsService,
  TasksService,
  DelegationsService,
  InboxStream,
  // Issue 7: version diff, impact preview, migration of running tickets.
  DiffService,
  ImpactService,
  MigrationsService,
  // Issue 5: timers, SLAs, outbox, incidents, notifications, inbound events.
  SlaClocks,
  SlaEscalation,
  SlaService,
  TimerScheduler,
  OutboxDispatcher,
  HttpActionPublishCheck,
  IncidentsService,
  NotificationsService,
  InboundEventsService,
  // Issue 9: intake webhooks and automation rules.
  AutomationService,
  RulesService,
  IntakeChannelsService,
  IntakeService,
  // Issue 10: reports.
  ReportsService,
  // Issue 20: operations (metrics, cross-process notifications, housekeeping).
  MetricsRegistry,
  MetricsCollector,
  CrossProcessNotifier,
  HousekeepingService,
  // Issue 17: revocable sessions, signed webhooks, secrets.
  UsersService,
  WebhookGate,
  SecretStore,
  // Issue 16: step forms, notifications that reach people.
  StepNotifications,
  MailSender,
  // Issue 21: e-mail in and out, satisfaction surveys.
  MailChannelsService,
  MailIntakeService,
  SmtpReceiver,
  // TODO(merge): bind to the attachments service of `attach` (see mail/inbound-attachment-sink.ts).
  { provide: INBOUND_ATTACHMENT_SINK, useClass: LoggingAttachmentSink },
  SurveyTokens,
  SatisfactionService,
  SatisfactionObserver,
];

import { Answers } from '../common/openapi/answers.decorator.js';
import {
  ApprovalsReportSchema,
  CycleTimeReportSchema,
  NodeTimesReportSchema,
  SatisfactionReportSchema,
  TeamReportSchema,
  ReportOptionsSchema,
  SlaReportSchema,
  SummaryReportSchema,
  TrendReportSchema,
  WaitingReportSchema,
  WorkloadReportSchema,
} from '@ticketflow/contract';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ReportQuery } from './report-query.dto.js';
import { type ReportName, ReportsService } from './reports.service.js';

/** Managers and admins read every report; process owners (designer) also read where time goes and where tickets wait. */
export const REPORT_READERS = ['manager', 'admin'] as const;
export const FLOW_REPORT_READERS = ['manager', 'admin', 'designer'] as const;

/**
 * GET /api/reports/*: one route per report so a BI tool can pull each; the
 * same filters everywhere; `?format=csv` answers a file download.
 */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('options')
  @Roles(...FLOW_REPORT_READERS)
  @ApiOperation({
    summary: 'What the filters can be set to: workflows and their versions, channels, priorities, groups',
  })
  @Answers(ReportOptionsSchema)
  options() {
    return this.reports.options();
  }

  @Get('summary')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Tickets created / completed / open, resolution rate, cycle time p50 / p90, rework',
  })
  @Answers(SummaryReportSchema, { alsoAsText: ['text/csv'] })
  summary(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('summary', query, res);
  }

  @Get('trend')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Per UTC day: tickets created, completed and cancelled (default: the last 30 days)',
  })
  @Answers(TrendReportSchema, { alsoAsText: ['text/csv'] })
  trend(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('trend', query, res);
  }

  @Get('cycle-time')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: 'Cycle-time distribution of completed tickets in fixed buckets (<1h … >=7d)' })
  @Answers(CycleTimeReportSchema, { alsoAsText: ['text/csv'] })
  cycleTime(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('cycle-time', query, res);
  }

  @Get('node-times')
  @Roles(...FLOW_REPORT_READERS)
  @ApiOperation({
    summary: 'Time spent in each node per visit (p50 / p90 / avg / max), tickets there now, rework loops',
  })
  @Answers(NodeTimesReportSchema, { alsoAsText: ['text/csv'] })
  nodeTimes(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('node-times', query, res);
  }

  @Get('sla')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: 'SLA compliance and breaches: steps with a due time, and ticket SLA clocks' })
  @Answers(SlaReportSchema, { alsoAsText: ['text/csv'] })
  sla(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('sla', query, res);
  }

  @Get('approvals')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: 'Approval turnaround (vote time − step opened) per approver and group' })
  @Answers(ApprovalsReportSchema, { alsoAsText: ['text/csv'] })
  approvals(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('approvals', query, res);
  }

  @Get('waiting')
  @Roles(...FLOW_REPORT_READERS)
  @ApiOperation({ summary: 'Where tickets wait now: active tickets and open tasks per node' })
  @Answers(WaitingReportSchema, { alsoAsText: ['text/csv'] })
  waiting(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('waiting', query, res);
  }

  @Get('workload')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: "Open tasks per person now: assigned, overdue, and their roles' unassigned pool" })
  @Answers(WorkloadReportSchema, { alsoAsText: ['text/csv'] })
  workload(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('workload', query, res);
  }

  @Get('satisfaction')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary:
      'Satisfaction surveys by workflow, agent, channel and month: asked, answered, response rate, ratings',
  })
  @Answers(SatisfactionReportSchema, { alsoAsText: ['text/csv'] })
  satisfaction(@Query() query: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.answer('satisfaction', query, res);
  }

  @Get('team')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary:
      'Team performance per agent and group: tickets handled, steps completed, median handling time, SLA met, reopen rate, satisfaction — a manager sees their team only',
  })
  @Answers(TeamReportSchema, { alsoAsText: ['text/csv'] })
  team(
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user: AuthUser,
  ) {
    return this.answer('team', query, res, user);
  }

  private async answer(
    name: ReportName,
    query: ReportQuery,
    res: Response,
    caller?: AuthUser,
  ): Promise<unknown> {
    if (query.format !== 'csv') return this.reports.run(name, query, caller);
    const file = await this.reports.csv(name, query, new Date(), caller);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return file.text;
  }
}

import type { HttpActionHosts } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { HttpActionHostsSchema } from '@ticketflow/contract';
import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { HttpActionHostsDto } from './http-action-hosts.dto.js';
import { HTTP_HOSTS_SETTING, loadAdminHosts } from './http-action-settings.js';

@ApiTags('settings')
@ApiBearerAuth()
@Roles('admin')
@Controller('settings/http-actions')
export class HttpActionHostsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Hosts HTTP actions may call: the admin list and the ones fixed by the environment (admin)',
  })
  @Answers(HttpActionHostsSchema)
  async get(): Promise<Sendable<HttpActionHosts>> {
    return {
      allowedHosts: await loadAdminHosts(this.dataSource.manager),
      fromEnvironment: {
        allowedHosts: this.config.workers.httpAllowedHosts,
        allowPrivateHosts: this.config.workers.httpAllowPrivateHosts,
      },
    };
  }

  @Put()
  @ApiOperation({
    summary: 'Replace the admin list of hosts HTTP actions may call (admin); private addresses stay refused',
  })
  @Answers(HttpActionHostsSchema)
  put(@Body() body: HttpActionHostsDto, @CurrentUser() user: AuthUser): Promise<Sendable<HttpActionHosts>> {
    const allowedHosts = [...new Set(body.allowedHosts.map((host) => host.toLowerCase()))];
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [HTTP_HOSTS_SETTING, JSON.stringify({ allowedHosts })],
      );
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'settings.http-actions',
        objectType: 'settings',
        objectId: HTTP_HOSTS_SETTING,
        details: { allowedHosts },
      });
      return {
        allowedHosts,
        fromEnvironment: {
          allowedHosts: this.config.workers.httpAllowedHosts,
          allowPrivateHosts: this.config.workers.httpAllowPrivateHosts,
        },
      };
    });
  }
}

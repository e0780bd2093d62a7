import 'reflect-metadata';
import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ColleagueSchema } from '@ticketflow/contract';
import type { Response } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answers } from '../src/common/openapi/answers.decorator.js';
import { DomainExceptionFilter } from '../src/common/errors/domain-exception.filter.js';
import { AppLogger } from '../src/common/logging/app-logger.js';
import { describeContract } from '../src/common/openapi/describe-contract.js';
import { ContractCheck, describeViolations } from './contract-check.js';

// A fixture API whose routes answer what their contract says, and some that do not.
@Controller('fixture')
class FixtureController {
  @Get('described')
  @Answers(ColleagueSchema)
  described() {
    return { username: 'agent', displayName: 'Agnes Agent' };
  }

  @Get('extra-field')
  @Answers(ColleagueSchema)
  extraField() {
    return { username: 'agent', displayName: 'Agnes Agent', password: 'demo' };
  }

  @Get('missing-field')
  @Answers(ColleagueSchema)
  missingField() {
    return { username: 'agent' };
  }

  @Post('undescribed-status')
  @HttpCode(202)
  @Answers(ColleagueSchema)
  undescribedStatus() {
    return { username: 'agent', displayName: 'Agnes Agent' };
  }

  @Get('undescribed-media-type')
  @Answers(ColleagueSchema)
  undescribedMediaType(@Res() response: Response) {
    response.type('text/csv').send('username\nagent\n');
  }
}

describe('the contract check of the API tests', () => {
  let app: NestExpressApplication;
  let check: ContractCheck;

  beforeAll(async () => {
    const { Module } = await import('@nestjs/common');
    @Module({ controllers: [FixtureController] })
    class FixtureModule {}
    app = await NestFactory.create<NestExpressApplication>(FixtureModule, { logger: false });
    app.setGlobalPrefix('api');
    app.useGlobalFilters(new DomainExceptionFilter(new AppLogger('error')));
    const document = describeContract(
      SwaggerModule.createDocument(app, new DocumentBuilder().setOpenAPIVersion('3.1.0').build()),
    );
    check = new ContractCheck(JSON.parse(JSON.stringify(document)));
    app.use(check.middleware());
    await app.init();
  });
  afterAll(() => app.close());

  const violationsOf = async (call: () => Promise<unknown>) => {
    check.violations.length = 0;
    await call();
    return check.violations.map((violation) => `${violation.status}: ${violation.problem}`);
  };
  const http = () => request(app.getHttpServer());

  it('accepts an answer its contract describes', async () => {
    expect(await violationsOf(() => http().get('/api/fixture/described').expect(200))).toEqual([]);
  });

  it('fails a route that answers a field its contract does not describe', async () => {
    expect(await violationsOf(() => http().get('/api/fixture/extra-field').expect(200))).toEqual([
      '200: (body) must NOT have additional properties: password',
    ]);
  });

  it('fails a route that leaves out a field its contract requires', async () => {
    expect(await violationsOf(() => http().get('/api/fixture/missing-field'))).toEqual([
      "200: (body) must have required property 'displayName'",
    ]);
  });

  it('fails a status its contract does not list', async () => {
    const violations = await violationsOf(() => http().post('/api/fixture/undescribed-status').expect(202));
    expect(violations).toEqual(['202: status 202 is not described']);
  });

  it('fails a media type its contract does not list', async () => {
    const violations = await violationsOf(() => http().get('/api/fixture/undescribed-media-type'));
    expect(violations).toEqual(['200: answered text/csv, not described for status 200']);
  });

  it('accepts the error body on any route, and checks it', async () => {
    expect(await violationsOf(() => http().get('/api/fixture/nowhere').expect(404))).toEqual([]);
  });

  it('says which request broke the contract and how', () => {
    expect(
      describeViolations([{ request: 'GET /api/fixture/extra-field', status: 200, problem: 'extra field' }]),
    ).toContain('GET /api/fixture/extra-field → 200: extra field');
  });
});

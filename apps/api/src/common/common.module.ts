import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './context/idempotency.interceptor.js';
import { TransactionRunner } from './context/transaction-runner.js';

/** The common feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  providers: [TransactionRunner, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
  exports: [TransactionRunner],
})
export class CommonModule {}

import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { SatisfactionObserver } from './satisfaction-observer.js';
import { SatisfactionController } from './satisfaction.controller.js';
import { SatisfactionService } from './satisfaction.service.js';
import { SurveyTokens } from './survey-token.js';

/** The satisfaction-survey feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [EngineModule],
  controllers: [SatisfactionController],
  providers: [SurveyTokens, SatisfactionService, SatisfactionObserver],
  exports: [SurveyTokens, SatisfactionService],
})
export class SatisfactionModule {}

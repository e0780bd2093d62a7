import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { diffDefinitions, type DefinitionDiff } from '@ticketflow/definition';
import { describeChanges, type ChangeText } from '@ticketflow/rules';
import { unprocessable } from '../common/errors/domain-error.js';
import { checkWorkflowKey } from '../workflows/workflow-key.js';
import { latestVersionNumber, loadDefinitionSide, type DefinitionSide } from './definition-ref.js';

export interface DiffView {
  key: string;
  from: DefinitionSide;
  to: DefinitionSide;
  diff: DefinitionDiff;
  changes: ChangeText[];
}

/** The visual diff between two versions, or a version and the draft. Reads only. */
@Injectable()
export class DiffService {
  constructor(private readonly dataSource: DataSource) {}

  /** Defaults: from the latest version to the draft. */
  async diff(
    key: string,
    fromRef: 'draft' | number | undefined,
    toRef: 'draft' | number | undefined,
    lang: 'en' | 'zh' = 'en',
  ): Promise<DiffView> {
    checkWorkflowKey(key);
    const manager = this.dataSource.manager;
    const latest = fromRef === undefined ? await latestVersionNumber(manager, key) : null;
    const fromSide = fromRef ?? latest;
    if (fromSide === null)
      throw unprocessable(
        'workflow-not-published',
        `Workflow "${key}" has no published version to compare with; name both sides.`,
      );
    const from = await loadDefinitionSide(manager, key, fromSide);
    const to = await loadDefinitionSide(manager, key, toRef ?? 'draft');
    const diff = diffDefinitions(from.definition, to.definition);
    return {
      key,
      from,
      to,
      diff,
      changes: describeChanges(diff.changes, from.definition, to.definition, lang),
    };
  }
}

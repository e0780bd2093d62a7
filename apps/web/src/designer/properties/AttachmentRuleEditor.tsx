import { useTranslation } from 'react-i18next';
import {
  attachmentRuleOf,
  declaredFormEntries,
  type ApprovalNode,
  type AttachmentRule,
  type TaskNode,
} from '@ticketflow/definition';
import { CommitInput } from '../fields/CommitInput';

type StepNode = TaskNode | ApprovalNode;

/**
 * A step's file rule (issue 21): whether it needs a file on the ticket before
 * it is completed or approved ("receipt required"), and a note shown beside
 * the upload. Writes `form.attachments`, keeping the form's fields (the
 * default form — every field read-only — is written out when there was none).
 */
export function AttachmentRuleEditor<N extends StepNode>({
  node,
  names,
  update,
}: {
  node: N;
  names: string[];
  update: (change: (n: N) => N) => void;
}) {
  const { t } = useTranslation();
  const rule = attachmentRuleOf(node) ?? {};
  const write = (next: AttachmentRule) =>
    update((n) => {
      const fields = declaredFormEntries(n) ?? names.map((field) => ({ field, mode: 'read' as const }));
      const keep = next.required || next.note;
      return { ...n, form: { fields, ...(keep ? { attachments: next } : {}) } };
    });
  return (
    <div className="step-form-editor__row" data-testid="prop-form-attachments">
      <label className="check">
        <input
          type="checkbox"
          data-testid="prop-form-attachments-required"
          checked={rule.required === true}
          onChange={(e) => {
            const { required: _r, ...rest } = rule;
            write(e.target.checked ? { ...rest, required: true } : rest);
          }}
        />
        {t('designer.props.attachmentsRequired')}
      </label>
      <CommitInput
        testId="prop-form-attachments-note"
        ariaLabel={t('designer.props.attachmentsNote')}
        value={rule.note ?? ''}
        onCommit={(note) => {
          const { note: _n, ...rest } = rule;
          write(note.trim() ? { ...rest, note } : rest);
        }}
      />
    </div>
  );
}

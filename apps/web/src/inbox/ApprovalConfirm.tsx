import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { fieldLabel, formatFieldValue, numberTotals } from './field-display';
import type { Task } from '@ticketflow/contract';

interface Props {
  tasks: Task[];
  /** A field's label in the UI language (from the ticket's version). */
  labelOf?: (field: string) => string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Approve this?" before anything is sent: one approval shows its ticket and
 * the values it shows; several show how many and the total of each number
 * field (the sum of the refund amounts).
 */
export function ApprovalConfirm({ tasks, busy, onConfirm, onCancel, labelOf = fieldLabel }: Props) {
  const { t, i18n } = useTranslation();
  const words = { yes: t('common.yes'), no: t('common.no') };
  const single = tasks.length === 1 ? tasks[0] : undefined;
  const rows = single
    ? Object.entries(single.fields ?? {}).map(([field, value]) => ({
        field,
        text: formatFieldValue(value, i18n.language, words),
      }))
    : numberTotals(tasks.map((task) => task.fields ?? {})).map(({ field, total }) => ({
        field,
        text: formatFieldValue(total, i18n.language, words),
      }));
  return (
    <ConfirmDialog
      title={
        single
          ? t('inbox.confirm.one', { title: `#${single.ticketNumber} ${single.ticketTitle}` })
          : t('inbox.confirm.many', { count: tasks.length })
      }
      confirmLabel={single ? t('inbox.actions.approve') : t('inbox.bulk.approve', { count: tasks.length })}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {rows.length > 0 && (
        <dl className="confirm-values" data-testid="confirm-values">
          {rows.map((row) => (
            <div key={row.field} className="dl-row" data-testid={`confirm-value-${row.field}`}>
              <dt>{single ? labelOf(row.field) : t('inbox.confirm.total', { field: labelOf(row.field) })}</dt>
              <dd>{row.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </ConfirmDialog>
  );
}

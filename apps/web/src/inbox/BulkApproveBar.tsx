import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown while approvals are ticked: one comment, one click, every ticked approval approved. */
export function BulkApproveBar({
  count,
  busy,
  onApprove,
  onClear,
}: {
  count: number;
  busy: boolean;
  onApprove: (comment: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <strong>{t('inbox.bulk.selected', { count })}</strong>
      <input
        className="grow"
        value={comment}
        placeholder={t('inbox.bulk.comment')}
        aria-label={t('inbox.bulk.comment')}
        onChange={(e) => setComment(e.target.value)}
        data-testid="bulk-comment"
      />
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => onApprove(comment.trim())}
        data-testid="bulk-approve"
      >
        {t('inbox.bulk.approve', { count })}
      </button>
      <button type="button" onClick={onClear} data-testid="bulk-clear">
        {t('inbox.bulk.clear')}
      </button>
    </div>
  );
}

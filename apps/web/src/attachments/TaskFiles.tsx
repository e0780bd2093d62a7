import { useTranslation } from 'react-i18next';
import { AttachmentLink } from './AttachmentLink';
import type { AttachmentSummary } from './attachments.api';

/** The ticket's files on an inbox card (newest first), each downloadable. */
export function TaskFiles({ files }: { files?: AttachmentSummary[] }) {
  const { t } = useTranslation();
  if (!files || files.length === 0) return null;
  return (
    <div className="small task-files" data-testid="task-files">
      <span className="muted">{t('attachments.onCard', { count: files.length })}</span>
      <ul>
        {files.map((file) => (
          <li key={file.id} data-testid="task-file">
            <AttachmentLink file={file} />
          </li>
        ))}
      </ul>
    </div>
  );
}

import { api, apiBlob, apiUpload } from '../http/api-client';
import type { Attachment, AttachmentSummary, UploadAttachmentRequest } from '@ticketflow/contract';

export type { Attachment, AttachmentSummary };
export type AttachmentVisibility = Attachment['visibility'];

export const attachmentsApi = {
  list: (ticketId: string) => api.get<Attachment[]>(`/tickets/${ticketId}/attachments`),
  upload(ticketId: string, file: File, options: UploadAttachmentRequest = {}) {
    const form = new FormData();
    if (options.visibility) form.append('visibility', options.visibility);
    if (options.taskId) form.append('taskId', options.taskId);
    form.append('file', file, file.name);
    return apiUpload<Attachment>(`/tickets/${ticketId}/attachments`, form);
  },
  /** Downloads the file under its own name: fetched with the token, handed to the browser as a blob. */
  async download(file: { id: string; name: string }): Promise<void> {
    const blob = await apiBlob(`/attachments/${file.id}/content`);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

/** `12 KB`, `1.4 MB`. Pure. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

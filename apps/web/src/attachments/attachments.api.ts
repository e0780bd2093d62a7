import { api, apiBlob, apiUpload } from '../http/api-client';

export type AttachmentVisibility = 'internal' | 'public';

/** One file on a ticket (GET /api/tickets/:id/attachments). */
export interface Attachment {
  id: string;
  ticketId: string;
  name: string;
  contentType: string;
  size: number;
  visibility: AttachmentVisibility;
  source: 'upload' | 'document' | 'email';
  /** null: the system (a generated document) or staff hidden from the requester. */
  uploadedBy: string | null;
  step: string | null;
  createdAt: string;
}

/** The files an inbox card shows (a task's `attachments`). */
export interface AttachmentSummary {
  id: string;
  name: string;
  contentType: string;
  size: number;
  visibility: AttachmentVisibility;
}

export const attachmentsApi = {
  list: (ticketId: string) => api.get<Attachment[]>(`/tickets/${ticketId}/attachments`),
  upload(ticketId: string, file: File, options: { visibility?: AttachmentVisibility; taskId?: string } = {}) {
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

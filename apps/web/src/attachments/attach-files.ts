import { attachmentsApi } from './attachments.api';

/**
 * Uploads `files` to a ticket one after the other; answers "name: reason"
 * for each one the server refused (the rest are kept). Side effect: uploads.
 */
export async function attachFiles(ticketId: string, files: readonly File[]): Promise<string[]> {
  const refused: string[] = [];
  for (const file of files) {
    try {
      await attachmentsApi.upload(ticketId, file);
    } catch (error) {
      refused.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return refused;
}

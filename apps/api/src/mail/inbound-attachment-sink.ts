import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error.js';
import { AttachmentsService } from '../attachments/attachments.service.js';

/** One file of an inbound e-mail, as mailparser read it. */
export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Where the files of an inbound e-mail go once it became a ticket or a comment. */
export interface InboundAttachmentSink {
  /**
   * Keeps the files on the ticket, uploaded by `userId` (the sender), public
   * (the requester sent them). `messageId` makes a redelivered e-mail keep each
   * file once. Returns how many were kept; files it refuses (type, size, a
   * virus) are left out, not an error for the whole e-mail.
   */
  keep(ticketId: string, userId: string, files: InboundAttachment[], messageId?: string): Promise<number>;
}

export const INBOUND_ATTACHMENT_SINK = Symbol('INBOUND_ATTACHMENT_SINK');

/**
 * The e-mail's files through the attachments feature: the same checks as an
 * upload (type by content, size, sanitised name, the virus-scan hook), a
 * timeline entry and an audit row each. A refused file is logged and skipped;
 * an operational failure (scanner or bucket down) propagates so the caller can
 * say the files were not kept.
 */
@Injectable()
export class StoredAttachmentSink implements InboundAttachmentSink {
  private readonly logger = new Logger('MailAttachments');

  constructor(private readonly attachments: AttachmentsService) {}

  async keep(
    ticketId: string,
    userId: string,
    files: InboundAttachment[],
    messageId?: string,
  ): Promise<number> {
    const mailKey = messageId ? createHash('sha256').update(messageId).digest('hex').slice(0, 32) : undefined;
    let kept = 0;
    for (const [index, file] of files.entries()) {
      try {
        await this.attachments.store(ticketId, {
          name: file.filename,
          contentType: file.contentType,
          bytes: file.content,
          visibility: 'public',
          actor: { id: userId },
          source: 'email',
          sourceKey: mailKey ? `email:${mailKey}:${index}` : undefined,
        });
        kept += 1;
      } catch (error) {
        if (!(error instanceof DomainError) || error.status >= 500) throw error;
        this.logger.warn(`file ${index + 1} of an e-mail to ticket ${ticketId} refused: ${error.code}`);
      }
    }
    return kept;
  }
}

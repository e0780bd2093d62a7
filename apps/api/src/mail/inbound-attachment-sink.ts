import { Injectable, Logger } from '@nestjs/common';

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
   * (the requester sent them). Returns how many were kept; files it refuses
   * (type, size) are left out, not an error for the whole e-mail.
   */
  keep(ticketId: string, userId: string, files: InboundAttachment[]): Promise<number>;
}

export const INBOUND_ATTACHMENT_SINK = Symbol('INBOUND_ATTACHMENT_SINK');

/**
 * The sink until the attachments feature (issue 21, `attach`) is merged: it
 * keeps nothing and says so in the log. TODO(merge): bind
 * INBOUND_ATTACHMENT_SINK to an adapter over the attachments service, which
 * checks type by content, size and names as uploads do.
 */
@Injectable()
export class LoggingAttachmentSink implements InboundAttachmentSink {
  private readonly logger = new Logger('MailAttachments');

  async keep(ticketId: string, _userId: string, files: InboundAttachment[]): Promise<number> {
    if (files.length > 0)
      this.logger.warn(
        `${files.length} attachment(s) of an e-mail to ticket ${ticketId} not kept: no attachment store yet`,
      );
    return 0;
  }
}

import { createHash } from 'node:crypto';
import { invalid, tooLarge, unavailable, unprocessable } from '../common/errors/domain-error.js';
import type { AttachmentsConfig } from './attachments-config.js';
import { detectContentType, sanitizeFileName } from './file-checks.js';
import type { VirusScanner } from './virus-scanner.js';

/** A file that passed every check, ready to be stored. */
export interface CheckedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * Every check a file passes before it is stored, whoever sends it (an upload,
 * a generated document, an e-mail): a usable name (sanitised), not empty and
 * within the size limit, a content type detected from the bytes that is on
 * the allow-list (the client's Content-Type is never trusted), and a clean
 * verdict from the virus scanner. Throws a DomainError naming the problem;
 * side effects: the scanner's.
 */
export async function checkFile(
  input: { name: string; bytes: Buffer },
  config: AttachmentsConfig,
  scanner: VirusScanner,
): Promise<CheckedFile> {
  const name = sanitizeFileName(input.name);
  if (name === null)
    throw invalid(
      'attachment-name-invalid',
      `file name "${input.name.slice(0, 60)}" leaves nothing usable once path parts and control characters are removed; rename the file.`,
    );
  if (input.bytes.length === 0) throw invalid('attachment-empty', `file "${name}" is empty.`);
  if (input.bytes.length > config.maxBytes)
    throw tooLarge(
      'attachment-too-large',
      `file "${name}" has ${input.bytes.length} bytes; files may have at most ${config.maxBytes} bytes.`,
    );
  const detected = await detectContentType(input.bytes, name);
  if (!detected || !config.allowedTypes.includes(detected.mime))
    throw unprocessable(
      'attachment-type-not-allowed',
      `file "${name}" is ${detected ? detected.mime : 'of no recognised type'} by its content; allowed: ${config.allowedTypes.join(', ')}.`,
    );
  let verdict;
  try {
    verdict = await scanner.scan(input.bytes);
  } catch (error) {
    throw unavailable(
      'virus-scan-unavailable',
      `The virus scanner (${scanner.name}) did not answer: ${error instanceof Error ? error.message : String(error)}. Try again later.`,
    );
  }
  if (!verdict.clean)
    throw unprocessable(
      'attachment-infected',
      `file "${name}" was refused by the virus scanner (${verdict.signature}).`,
    );
  return {
    name,
    contentType: detected.mime,
    bytes: input.bytes,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
  };
}

import type { Draft, Problem, PublishRequest, PublishResponse, SaveDraftRequest } from '@ticketflow/contract';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { EXIT, fail, readJsonFile, type CliIo } from '../cli-io.js';
import { callServer, describeFailure, resolveServer, type ServerOptions } from './server-client.js';
import { formatProblems } from './validate-command.js';

/**
 * `ticketflow push <file> --server URL --token T`: saves the file as the
 * draft of its workflow (`PUT /api/workflows/:key/draft`). A draft may have
 * problems: they are printed, and the push still succeeds. Side effects:
 * reads the file, one HTTP request, prints.
 */
export async function pushCommand(io: CliIo, file: string, options: ServerOptions): Promise<number> {
  const target = resolveServer(options, io.env);
  if ('error' in target) return fail(io, `ticketflow push: ${target.error}`, EXIT.usage);
  const read = await readJsonFile(io, file);
  if (!read.ok) return fail(io, read.message, EXIT.usage);
  const definition = read.value as Record<string, unknown>;
  if (typeof definition !== 'object' || definition === null || typeof definition.key !== 'string') {
    return fail(io, `${file}: a definition needs a "key" (the workflow it is the draft of)`, EXIT.usage);
  }
  // `$schema` is for editors; the server's format does not know it.
  const { $schema: _schema, ...body } = definition;
  // The server validates it; a draft may have problems.
  const request: SaveDraftRequest = { definition: body as unknown as WorkflowDefinition };
  const path = `/workflows/${encodeURIComponent(definition.key)}/draft`;
  const response = await callServer<Draft>(io, target, 'PUT', path, request);
  if (!response.ok) return fail(io, `✗ push ${definition.key}: ${describeFailure(response)}`, EXIT.problems);
  const problems = response.body.problems;
  io.out(`✓ saved the draft of ${definition.key} (revision ${response.body.revision}) on ${target.server}`);
  if (problems.length > 0) for (const line of formatProblems(file, problems).slice(1)) io.out(line);
  return EXIT.ok;
}

/**
 * `ticketflow publish <key> --server URL --token T [--note text]`: publishes
 * the draft as the next immutable version (admins only). A draft with errors
 * is refused (422) and its problems printed. Side effects: one HTTP request,
 * prints.
 */
export async function publishCommand(
  io: CliIo,
  key: string,
  options: ServerOptions & { note?: string },
): Promise<number> {
  const target = resolveServer(options, io.env);
  if ('error' in target) return fail(io, `ticketflow publish: ${target.error}`, EXIT.usage);
  const request: PublishRequest = options.note ? { note: options.note } : {};
  const path = `/workflows/${encodeURIComponent(key)}/publish`;
  const response = await callServer<PublishResponse>(io, target, 'POST', path, request);
  if (response.ok) {
    io.out(`✓ published ${key} version ${response.body.version} on ${target.server}`);
    return EXIT.ok;
  }
  io.err(`✗ publish ${key}: ${describeFailure(response)}`);
  // A 422 `definition-invalid` carries the draft's problems.
  const problems = (response.body.details as { problems?: Problem[] } | undefined)?.problems ?? [];
  for (const line of formatProblems(`draft of ${key}`, problems).slice(1)) io.err(line);
  return EXIT.problems;
}

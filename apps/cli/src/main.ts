import { parseArgs } from 'node:util';
import { EXIT, fail, nodeIo, type CliIo } from './cli-io.js';
import { diffCommand } from './commands/diff-command.js';
import { publishCommand, pushCommand } from './commands/push-publish-commands.js';
import { testCommand } from './commands/test-command.js';
import { validateCommand } from './commands/validate-command.js';
import { HELP } from './help.js';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
const SERVER_OPTIONS: OptionSpec = { server: { type: 'string' }, token: { type: 'string' } };
const OPTIONS: Record<'validate' | 'test' | 'diff' | 'push' | 'publish', OptionSpec> = {
  validate: {},
  test: { definition: { type: 'string' } },
  diff: {},
  push: SERVER_OPTIONS,
  publish: { ...SERVER_OPTIONS, note: { type: 'string' } },
};

type Command = keyof typeof OPTIONS;

/**
 * Runs one CLI invocation and returns its exit code. Arguments are parsed
 * with node:util parseArgs (unknown options are usage errors). Side effects:
 * those of the command (reading files, HTTP), and printing through `io`.
 */
export async function run(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP.main as string);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (!(command in OPTIONS))
    return fail(io, `ticketflow: unknown command "${command}"\n\n${HELP.main}`, EXIT.usage);
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    const options: OptionSpec = { ...OPTIONS[command as Command], help: { type: 'boolean', short: 'h' } };
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    return fail(io, `ticketflow ${command}: ${(error as Error).message}\n\n${HELP[command]}`, EXIT.usage);
  }
  if (parsed.values.help) {
    io.out(HELP[command] as string);
    return EXIT.ok;
  }
  return dispatch(
    io,
    command as Command,
    parsed.positionals,
    parsed.values as Record<string, string | undefined>,
  );
}

async function dispatch(
  io: CliIo,
  command: Command,
  args: string[],
  values: Record<string, string | undefined>,
): Promise<number> {
  const usage = (problem: string) =>
    fail(io, `ticketflow ${command}: ${problem}\n\n${HELP[command]}`, EXIT.usage);
  switch (command) {
    case 'validate':
      return args.length === 0 ? usage('name at least one definition file') : validateCommand(io, args);
    case 'test':
      if (args.length === 0) return usage('name at least one scenarios file');
      if (values.definition && args.length > 1) return usage('--definition applies to one scenarios file');
      return testCommand(io, args, { definition: values.definition });
    case 'diff':
      return args.length === 2
        ? diffCommand(io, args[0] as string, args[1] as string)
        : usage('name exactly two definition files');
    case 'push':
      return args.length === 1
        ? pushCommand(io, args[0] as string, values)
        : usage('name exactly one definition file');
    case 'publish':
      return args.length === 1
        ? publishCommand(io, args[0] as string, values)
        : usage('name exactly one workflow key');
  }
}

import path from 'node:path';
import { CommanderError } from 'commander';
import type { CommandOutcome } from './app/admin/admin-socket.js';
import type { Config } from './app/config/config.js';
import type { DatabaseHandle } from './app/database/database.js';
import type { EventBus } from './app/events/events.js';

/**
 * Runs a command line that reached the server through its admin socket: the same commands as the terminal's, with the
 * server's database and event bus lent to them and their output captured. Only the everyday commands are taken; the
 * others (serve, migrate, reference build…) are refused with what to do.
 */
export async function runForwardedCommand(argv: string[], cwd: string, context: { config: Config; database: DatabaseHandle; events: EventBus }): Promise<CommandOutcome> {
  const { buildProgram, describeCliError, forwardableCommands, isForwardable } = await import('./cli-program.js');
  if (!isForwardable(argv)) {
    return {
      code: 2,
      stdout: '',
      stderr: `This command does not run through the running server. Stop the server first, or use PostgreSQL (DATABASE_URL). Commands it runs: pariscall ${forwardableCommands.join(', ')}.\n`,
    };
  }
  let stdout = '';
  let stderr = '';
  let code = 0;
  const program = buildProgram({
    config: () => context.config,
    withDatabase: (run) => run(context.database),
    out: (line) => void (stdout += `${line}\n`),
    err: (line) => void (stderr += `${line}\n`),
    write: (text) => void (stdout += text),
    fail: () => void (code = 1),
    resolve: (file) => path.resolve(cwd, file),
    events: context.events,
    embedded: { writeOut: (text) => void (stdout += text), writeErr: (text) => void (stderr += text) },
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.code !== 'commander.invalidArgument') code = error.exitCode || (error.code === 'commander.helpDisplayed' ? 0 : 1);
    else {
      stderr += `${describeCliError(error)}\n`;
      code = 1;
    }
  }
  return { code, stdout, stderr };
}

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** What a forwarded command printed, and its exit code. */
export interface CommandOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface AdminSocketOptions {
  /** DATA_DIR: the socket is `<dataDir>/admin/server.sock`, in a directory only the owner can enter. */
  dataDir: string;
  /** Runs one command line (`['user', 'create', '--admin', 'x@example.org']`, typed in `cwd`) against the server's own database. */
  run(argv: string[], cwd: string): Promise<CommandOutcome>;
  log: { info(message: string): void; warn(message: string): void };
}

/** Where a server on the embedded database listens for the command line's everyday commands. */
export function adminSocketPath(dataDir: string): string {
  return path.join(dataDir, 'admin', 'server.sock');
}

/**
 * The embedded database has one owner, the server: while it runs, `pariscall user create`, `import` and the like
 * reach it through this Unix socket instead of opening the database. Only the account that owns DATA_DIR can connect
 * (the directory is 0700, the socket 0600): the same people who could read the database files, nobody else. Commands
 * run one at a time, in the server's process, with its database and event bus (so caches see the change at once).
 */
export async function listenAdminSocket(options: AdminSocketOptions): Promise<() => Promise<void>> {
  const socketPath = adminSocketPath(options.dataDir);
  fs.mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(socketPath), 0o700);
  fs.rmSync(socketPath, { force: true }); // left by a server that was killed: the data directory's lock says we own it
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/run') {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      let argv: unknown;
      let cwd: unknown;
      try {
        ({ argv, cwd } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { argv?: unknown; cwd?: unknown });
      } catch {
        argv = undefined;
      }
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string') || typeof cwd !== 'string' || !path.isAbsolute(cwd)) {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 2, stdout: '', stderr: 'malformed command\n' }));
        return;
      }
      const run = queue.then(() => options.run(argv as string[], cwd as string));
      queue = run.catch(() => undefined);
      run.then(
        (outcome) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(outcome)),
        (error: unknown) => response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 1, stdout: '', stderr: `${(error as Error).message}\n` })),
      );
      options.log.info(`Command line through the admin socket: pariscall ${(argv as string[]).slice(0, 2).join(' ')}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(socketPath, { force: true });
    });
}

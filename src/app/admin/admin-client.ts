import fs from 'node:fs';
import http from 'node:http';
import { adminSocketPath, type CommandOutcome } from './admin-socket.js';

/** Whether a running server on this data directory takes commands (its socket is there). */
export function serverTakesCommands(dataDir: string): boolean {
  return fs.existsSync(adminSocketPath(dataDir));
}

/** Sends a command line (and the directory it was typed in) to the running server; throws if the server cannot be reached. */
export function forwardCommand(dataDir: string, argv: string[], cwd: string): Promise<CommandOutcome> {
  return new Promise((resolve, reject) => {
    const request = http.request({ socketPath: adminSocketPath(dataDir), path: '/run', method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CommandOutcome);
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('error', reject);
    request.end(JSON.stringify({ argv, cwd }));
  });
}

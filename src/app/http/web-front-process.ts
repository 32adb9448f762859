/**
 * Entry of a web front process (forked by web-fronts.ts). Once loaded it says so; the server process then sends the
 * settings and the public listening socket, which it accepts on beside the server process, and the cache changes that
 * keep its copy in step. (Asking first matters: a socket handed over while this process is still loading would accept
 * connections nobody reads.) It stops when told to, on SIGTERM or SIGINT (a terminal's Ctrl-C reaches the whole
 * process group), or when the server process is gone (the IPC channel closes), after the requests under way.
 */
import type { Server } from 'node:net';
import { WebFront, type FrontStart, type FromFront, type ToFront } from './web-front.js';

let front: WebFront | undefined;
let stopping = false;

const send = (message: FromFront) => {
  if (process.connected) process.send!(message);
};

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await front?.close();
  process.exit(0);
}

process.on('message', (message: ToFront | FrontStart, handle?: Server) => {
  if (message.type === 'start') {
    front = new WebFront(message.settings, send);
    if (handle) front.listenOn(handle);
  } else if (message.type === 'close') void stop();
  else front?.receive(message);
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
send({ type: 'ready' });

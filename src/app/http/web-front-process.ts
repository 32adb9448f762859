/**
 * Entry of a web front process (forked by web-fronts.ts). Its first message brings the settings and the public
 * listening socket, which it then accepts on beside the server process; the following ones keep its cache copy in step.
 * It stops when told to, or when the server process is gone (the IPC channel closes).
 */
import type { Server, Socket } from 'node:net';
import { WebFront, type FrontSettings, type FromFront, type ToFront } from './web-front.js';

let front: WebFront | undefined;
let listening: Server | undefined;
let stopping = false;

const send = (message: FromFront) => {
  if (process.connected) process.send!(message);
};

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  listening?.close();
  await front?.close();
  process.exit(0);
}

process.on('message', (message: ToFront | { type: 'start'; settings: FrontSettings }, handle?: Server) => {
  if (message.type === 'start') {
    front = new WebFront(message.settings, send);
    listening = handle;
    listening?.on('connection', (socket: Socket) => front!.accept(socket));
  } else if (message.type === 'close') void stop();
  else front?.receive(message);
});
process.on('disconnect', () => void stop());

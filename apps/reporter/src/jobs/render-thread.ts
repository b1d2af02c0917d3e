/**
 * A render thread's body (RenderPool starts it with worker_threads): draws each job it is sent
 * and answers with the file's bytes (transferred, not copied) or the error as plain data.
 */
import { parentPort } from 'node:worker_threads';
import { type RenderJob, renderJob, serializeRenderError } from './render-job.js';

export type RenderRequest = { readonly id: number; readonly job: RenderJob };
export type RenderReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly heapUsed: number;
    }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: ReturnType<typeof serializeRenderError>;
      readonly heapUsed: number;
    };

const port = parentPort;
if (port === null) throw new Error('render-thread runs only as a worker thread');

port.on('message', (request: RenderRequest) => {
  renderJob(request.job).then(
    (buffer) => {
      // A fresh ArrayBuffer of exactly the file (Buffer.concat may share a pooled one).
      const bytes = new Uint8Array(buffer.byteLength);
      bytes.set(buffer);
      const reply: RenderReply = {
        id: request.id,
        ok: true,
        bytes,
        heapUsed: process.memoryUsage().heapUsed,
      };
      port.postMessage(reply, [bytes.buffer]);
    },
    (error: unknown) => {
      const reply: RenderReply = {
        id: request.id,
        ok: false,
        error: serializeRenderError(error),
        heapUsed: process.memoryUsage().heapUsed,
      };
      port.postMessage(reply);
    },
  );
});

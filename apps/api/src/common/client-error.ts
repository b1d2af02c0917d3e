import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemType } from './problem.js';

/** Node's parser errors that are the client's fault, with the status Node itself would send. */
const STATUS_BY_PARSER_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_URI_TOO_LONG: 414,
};

/**
 * A request Node's HTTP parser refuses (headers over 16 KB, a malformed request line) never
 * reaches Express, and Node answers it with a bare status line. This answers it with a problem
 * document like every other error, then closes the connection.
 */
export const answerClientErrorsWithProblems = (server: Server): void => {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable || (socket as Duplex & { bytesWritten?: number }).bytesWritten) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_PARSER_CODE[error.code ?? ''] ?? 400;
    const tooLarge = status === 431;
    const code = tooLarge ? 'REQUEST.HEADERS_TOO_LARGE' : 'REQUEST.MALFORMED';
    const body = JSON.stringify({
      type: problemType(code),
      title: tooLarge ? 'The request headers are too large' : 'The request is malformed',
      status,
      detail: tooLarge
        ? 'The request line and headers together exceed 16 KB.'
        : 'The request could not be parsed as HTTP.',
      code,
      requestId: null,
    });
    // Read (and drop) what the client is still sending, so it sees this answer rather than a
    // reset; the socket is closed a moment later whatever it does.
    socket.on('data', () => undefined);
    socket.resume();
    setTimeout(() => socket.destroy(), 1000).unref();
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
};

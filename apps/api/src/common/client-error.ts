import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemType } from './problem.js';

/** Node's parser errors that are the client's fault, with the status Node itself would send. */
const STATUS_BY_PARSER_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_URI_TOO_LONG: 414,
  // headersTimeout or requestTimeout ran out (a slow client): Node's own answer is a bare 408.
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const ANSWERS: Readonly<
  Record<number, { code: string; title: string; detail: string; reason: string }>
> = {
  400: {
    code: 'REQUEST.MALFORMED',
    title: 'The request is malformed',
    detail: 'The request could not be parsed as HTTP.',
    reason: 'Bad Request',
  },
  408: {
    code: 'REQUEST.TIMEOUT',
    title: 'The request took too long to arrive',
    detail:
      'The request headers (or the whole request) did not arrive within the server’s timeout.',
    reason: 'Request Timeout',
  },
  414: {
    code: 'REQUEST.URI_TOO_LONG',
    title: 'The request line is too long',
    detail: 'The request line exceeds the server’s limit.',
    reason: 'URI Too Long',
  },
  431: {
    code: 'REQUEST.HEADERS_TOO_LARGE',
    title: 'The request headers are too large',
    detail: 'The request line and headers together exceed 16 KB.',
    reason: 'Request Header Fields Too Large',
  },
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
    const answer = ANSWERS[status] ?? ANSWERS[400]!;
    const body = JSON.stringify({
      type: problemType(answer.code),
      title: answer.title,
      status,
      detail: answer.detail,
      code: answer.code,
      requestId: null,
    });
    // Read (and drop) what the client is still sending, so it sees this answer rather than a
    // reset; the socket is closed a moment later whatever it does.
    socket.on('data', () => undefined);
    socket.resume();
    setTimeout(() => socket.destroy(), 1000).unref();
    socket.end(
      `HTTP/1.1 ${status} ${answer.reason}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
};

import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { ApiError, toProblem } from './problem.js';

/** The one exception filter: every error leaves as application/problem+json with the request id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const requestId = request.id === undefined ? null : String(request.id);
    const { status, body } = toProblem(error, {
      instance: request.originalUrl ?? request.url,
      requestId,
    });
    if (error instanceof ApiError)
      for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    if (status >= 500) this.logger.error({ err: error, requestId }, 'unhandled error');
    response.status(status).type('application/problem+json').send(JSON.stringify(body));
  }
}

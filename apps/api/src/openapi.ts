import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApi } from './contract/openapi-document.js';

const DESCRIPTION = [
  'Portfolio agreements, performance reports, meetings, agendas and minutes of English councils’ scrutiny committees.',
  '',
  '- Reads are open: anonymous callers see published meetings and never the content of exempt (Schedule 12A) items.',
  '- Writes need `Authorization: Bearer <token>` (tokens come from `scrutineer-api create-token`).',
  '- Every resource has a `version`, sent as a strong `ETag` (`"3"`). Changes (PATCH, PUT, DELETE, lifecycle actions) send it back in `If-Match`: a stale one gets 412 and nothing changes, a missing one 428. A change that changes nothing keeps the version.',
  '- Server fields (`id` where the server assigns it, `version`, `createdAt`, `updatedAt`, `isWithheld`, …) are `readOnly`: a body read with GET can be sent back as it is.',
  '- Lists take `limit` (1–100, default 20), `offset`, `sort` and `updatedSince`, and return `{ items, total, limit, offset }`.',
  '- Bodies of 1 KiB or more in JSON, CSV, iCalendar or Atom come compressed (`br`, else `gzip`) when `Accept-Encoding` asks, with `Vary: Accept-Encoding`; PDFs are compressed already and come as they are.',
  '- The public record’s documents (calendars, feeds, open data, CSV and the `/dataset` routes) carry a strong `ETag` of their content: send it back in `If-None-Match` and an unchanged document answers 304 with no body.',
  '- Public reads say how long they may be cached: the public record (calendars, feeds, open data, CSV, performance reports) `Cache-Control: public, max-age=300`; a meeting’s data set and PDFs the same for an anonymous caller, `private` with a token (`no-store` for the confidential edition). Every other successful read follows the same rule: anonymous `public, max-age=300`; with a token `private, no-cache`, or `private, no-store` for the roles that read exempt content (clerk, member, admin). Every answer that may differ by caller says `Vary: Authorization`.',
  '- Errors are RFC 9457 `application/problem+json` (`Problem`) with a `code`, the `requestId` and, for validation, `errors: [{ path, message }]`.',
].join('\n');

/** The OpenAPI 3.1 document, from the routes' `@Operation` contracts (contract/openapi-document.ts). */
export const buildOpenApiDocument = (app: INestApplication): Record<string, unknown> =>
  buildOpenApi(app, { version: '1.0.0', description: DESCRIPTION });

/** Serves the document at /api/docs-json and Swagger UI at /api/docs. */
export const setupOpenApi = (app: INestApplication): void => {
  let document: Record<string, unknown> | undefined;
  SwaggerModule.setup(
    'api/docs',
    app,
    () => (document ??= buildOpenApiDocument(app)) as unknown as OpenAPIObject,
    { jsonDocumentUrl: 'api/docs-json' },
  );
};

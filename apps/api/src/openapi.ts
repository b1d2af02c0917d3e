import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { DOCUMENT_SCHEMA_DEFS } from '@scrutineer/domain';

/** Rewrites JSON Schema `#/$defs/X` references to OpenAPI `#/components/schemas/X`. */
const toComponentRefs = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(toComponentRefs)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value).map(([key, child]) => [
            key,
            key === '$ref' && typeof child === 'string'
              ? child.replace('#/$defs/', '#/components/schemas/')
              : toComponentRefs(child),
          ]),
        )
      : value;

/**
 * The domain's document shapes (JSON Schema draft 2020-12, from @scrutineer/domain), published as
 * components: `MeetingDocument` is what POST /imports/meetings takes and GET /meetings/{id}/document returns.
 */
export const extraSchemas: Record<string, Record<string, unknown>> = toComponentRefs(
  DOCUMENT_SCHEMA_DEFS,
) as Record<string, Record<string, unknown>>;

export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject => {
  const config = new DocumentBuilder()
    .setTitle('Scrutineer API')
    .setDescription(
      [
        'Portfolio agreements, performance reports, meetings, agendas and minutes of English councils’ scrutiny committees.',
        '',
        '- Reads are open: anonymous callers see published meetings and never the content of exempt (Schedule 12A) items.',
        '- Writes need `Authorization: Bearer <token>` (tokens come from `scrutineer-api create-token`).',
        '- Every resource has a `version`, sent as its strong entity tag (`ETag: "3"`) on every single-resource read and write, and `createdAt`/`updatedAt` (ISO 8601 UTC). Changes (PATCH, PUT, DELETE, lifecycle actions) send the ETag they read in `If-Match` (`"3"`; the bare `3` is accepted, a weak `W/"3"` is refused with 400): a stale one gets 412 Precondition Failed and nothing changes, a missing one 428 Precondition Required. A GET with `If-None-Match` of the current ETag gets 304. A PUT or PATCH that changes nothing keeps the version and records no audit event.',
        '- Lists take `limit` (1–100, default 20), `offset`, `sort` and `updatedSince` (ISO 8601 date-time: only what changed at or after it), and return `{ items, total, limit, offset }`; nested lists (`/meetings/{id}/agenda-items`, `/committees/{id}/members`, `/minutes/{id}/motions`) too.',
        '- Errors are RFC 9457 `application/problem+json` with a `code`, the `requestId` and, for validation, `errors: [{ path, message }]`.',
      ].join('\n'),
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'A token from `scrutineer-api create-token`.',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...extraSchemas },
  };
  return document;
};

export const setupOpenApi = (app: INestApplication): void => {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
};

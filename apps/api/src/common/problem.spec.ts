import { describe, expect, it } from '@jest/globals';
import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@scrutineer/domain';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { ApiError, isUniqueViolation, problemType, toProblem } from './problem.js';

const context = { instance: '/api/v1/meetings/x', requestId: 'req-1' };

describe(toProblem.name, () => {
  it('maps a domain error by its code through the one table (approved agreement → 409)', () => {
    const sut = toProblem(
      new DomainError('AGREEMENT.APPROVED', 'Approved on 2021-03-01.'),
      context,
    );
    expect(sut).toEqual({
      status: 409,
      body: expect.objectContaining({
        type: problemType('AGREEMENT.APPROVED'),
        code: 'AGREEMENT.APPROVED',
        status: 409,
        detail: 'Approved on 2021-03-01.',
        requestId: 'req-1',
        instance: '/api/v1/meetings/x',
      }),
    });
  });

  it('keeps field-level errors of a validation failure', () => {
    const sut = toProblem(
      new ApiError('REQUEST.INVALID', 'bad', [{ path: '$.date', message: 'must be a date' }]),
      context,
    );
    expect(sut.status).toBe(400);
    expect(sut.body.errors).toEqual([{ path: '$.date', message: 'must be a date' }]);
  });

  it('maps Nest HTTP exceptions and falls back by area for domain codes not in the table', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'), context).body.code).toBe(
      'ROUTE.NOT_FOUND',
    );
    expect(toProblem(new ForbiddenException(), context).status).toBe(403);
    expect(
      toProblem(new DomainError('VALIDATION.OUT_OF_ORDER' as never, 'x'), context).status,
    ).toBe(400);
    expect(
      toProblem(new DomainError('LIFECYCLE.SOMETHING_NEW' as never, 'x'), context).status,
    ).toBe(409);
  });

  it('turns an unknown error into a generic 500 that reveals nothing of it', () => {
    const sut = toProblem(new TypeError('secret stack detail'), context);
    expect(sut.status).toBe(500);
    expect(JSON.stringify(sut.body)).not.toContain('secret');
    expect(sut.body).toMatchObject({ code: 'INTERNAL', requestId: 'req-1' });
  });

  it('derives a stable type URI from the code', () => {
    expect(problemType('MINUTES.ALREADY_APPROVED')).toBe(
      'https://scrutineer.example/problems/minutes-already-approved',
    );
  });
});

describe(isUniqueViolation.name, () => {
  const driverError = (code: string, message: string) =>
    Object.assign(new Error(message), { code });
  const queryFailed = (code: string, message: string) =>
    new QueryFailedError(
      'INSERT INTO "meeting" ("id") VALUES ($1)',
      ['x'],
      driverError(code, message),
    );

  it('answers a unique-key race on either database with a 409 that shows no SQL', () => {
    for (const error of [
      queryFailed('23505', 'duplicate key value violates unique constraint "PK_meeting"'),
      queryFailed('SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: meeting.id'),
      queryFailed('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: agenda_item.number'),
      driverError('23505', 'duplicate key value'),
    ]) {
      expect(isUniqueViolation(error)).toBe(true);
      const sut = toProblem(error, context);
      expect(sut.status).toBe(409);
      expect(sut.body.code).toBe('RESOURCE.ALREADY_EXISTS');
      expect(JSON.stringify(sut.body)).not.toMatch(/INSERT|constraint|duplicate/i);
    }
  });

  it('leaves other database failures a 500 that reveals nothing', () => {
    const error = queryFailed('23503', 'insert or update violates foreign key constraint');
    expect(isUniqueViolation(error)).toBe(false);
    expect(toProblem(error, context)).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
  });
});

describe('a database that cannot hand out a connection', () => {
  const url = process.env['TEST_DATABASE_URL'];
  const onPostgres = url?.startsWith('postgres') ? it : it.skip;

  onPostgres(
    `answers 503, not 500, when the PostgreSQL pool times out${url?.startsWith('postgres') ? '' : ' (skipped: TEST_DATABASE_URL is not PostgreSQL)'}`,
    async () => {
      // The real driver's error: one connection in a pool of one is held, so the next waits past
      // its timeout (what DATABASE_CONNECT_TIMEOUT_MS bounds for every request under load).
      const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 200 });
      const held = await pool.connect();
      try {
        const error = await pool.connect().then(
          (client) => {
            client.release();
            return null;
          },
          (failure: unknown) => failure,
        );
        expect(error).toBeInstanceOf(Error);
        const sut = toProblem(error, context);
        expect(sut).toMatchObject({
          status: 503,
          body: { code: 'HEALTH.DATABASE_UNAVAILABLE', status: 503 },
        });
        expect(JSON.stringify(sut.body)).not.toMatch(/timeout exceeded|pool/i);
      } finally {
        held.release();
        await pool.end();
      }
    },
  );

  it('answers 503 for a connection refused mid-request, by its driver code', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(toProblem(refused, context)).toMatchObject({
      status: 503,
      body: { code: 'HEALTH.DATABASE_UNAVAILABLE', detail: expect.not.stringMatching(/ECONN/) },
    });
  });
});

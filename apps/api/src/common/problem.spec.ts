import { describe, expect, it } from '@jest/globals';
import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@scrutineer/domain';
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

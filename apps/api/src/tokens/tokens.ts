import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type EntityManager, IsNull } from 'typeorm';
import { ApiError } from '../common/problem.js';
import { type Role, ROLES } from '../auth/caller.js';
import { ApiTokenEntity } from './api-token.entity.js';

export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

export type NewToken = {
  readonly role: Role;
  readonly name: string;
  readonly portfolioCodes: readonly string[];
};

const PORTFOLIO_CODE = /^[A-Z][A-Z0-9]{1,15}$/;

/** Checks a new token's role, name and portfolio codes (their form; not that the portfolios exist). */
export const validateNewToken = (input: NewToken): void => {
  if (!ROLES.includes(input.role)) {
    throw new ApiError(
      'REQUEST.INVALID',
      `Role must be one of ${ROLES.join(', ')}; got ${JSON.stringify(input.role)}.`,
    );
  }
  if (input.name.trim() === '' || input.name.length > 200) {
    throw new ApiError('REQUEST.INVALID', 'A token needs a name of 1 to 200 characters.');
  }
  const bad = input.portfolioCodes.filter((code) => !PORTFOLIO_CODE.test(code));
  if (bad.length > 0) {
    throw new ApiError(
      'REQUEST.INVALID',
      `Portfolio codes are upper-case letters and digits, e.g. CFSE; got ${bad.join(', ')}.`,
    );
  }
  if (input.portfolioCodes.length > 0 && input.role !== 'officer') {
    throw new ApiError('REQUEST.INVALID', 'Only officer tokens are scoped to portfolios.');
  }
};

/** Creates a token and returns it once; only its hash is stored. */
export const createToken = async (
  manager: EntityManager,
  input: NewToken,
): Promise<{ token: string; record: ApiTokenEntity }> => {
  validateNewToken(input);
  const token = `sct_${randomBytes(32).toString('base64url')}`;
  const record = manager.create(ApiTokenEntity, {
    id: randomUUID(),
    name: input.name.trim(),
    role: input.role,
    portfolioCodes: [...input.portfolioCodes],
    tokenHash: hashToken(token),
    createdAt: new Date().toISOString(),
    revokedAt: null,
  });
  await manager.save(record);
  return { token, record };
};

/** The token's record if it exists and is not revoked. */
export const findActiveToken = (
  manager: EntityManager,
  token: string,
): Promise<ApiTokenEntity | null> =>
  manager.findOne(ApiTokenEntity, { where: { tokenHash: hashToken(token), revokedAt: IsNull() } });

/** Revokes a token; one that is already revoked is a conflict that says since when. */
export const revokeToken = async (manager: EntityManager, id: string): Promise<ApiTokenEntity> => {
  const record = await manager.findOne(ApiTokenEntity, { where: { id } });
  if (record === null)
    throw new ApiError('RESOURCE.NOT_FOUND', `No token with id ${JSON.stringify(id)}.`);
  if (record.revokedAt !== null) {
    throw new ApiError(
      'TOKEN.ALREADY_REVOKED',
      `Token ${record.id} (${record.name}) was already revoked at ${record.revokedAt}.`,
      [],
      { id: record.id, revokedAt: record.revokedAt },
    );
  }
  record.revokedAt = new Date().toISOString();
  await manager.save(record);
  return record;
};

export const listTokens = (manager: EntityManager): Promise<ApiTokenEntity[]> =>
  manager.find(ApiTokenEntity, { order: { createdAt: 'ASC' } });

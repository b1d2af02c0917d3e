import { expect } from '@jest/globals';

/** Asserts the response is an RFC 9457 problem document (ADR008). */
export const isProblem = (response: {
  headers: Record<string, string>;
  body: { type?: unknown };
}) => {
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(typeof response.body.type).toBe('string');
};

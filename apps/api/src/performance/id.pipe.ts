import { type PipeTransform } from '@nestjs/common';
import { ApiError } from '../common/problem.js';

const MAX_ID = 2_147_483_647;

/** A numeric id in a path: a whole number that fits an integer column, else 400 saying so. */
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
      throw new ApiError(
        'REQUEST.INVALID',
        `An id must be a whole number from 1 to ${MAX_ID}; got ${JSON.stringify(value)}.`,
        [{ path: 'path:id', message: `must be a whole number from 1 to ${MAX_ID}` }],
      );
    }
    return id;
  }
}

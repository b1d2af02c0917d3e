import { Controller, Get, Module } from '@nestjs/common';

/**
 * The baseline: a route of the same NestJS app (same guard, logger, filter and interceptors) that
 * returns a constant, so a product route's figures show what the product's own code costs.
 * It exists only in the bench build, never in the public API.
 */
/** A constant the size of a page of 50 results (about 32 KB of JSON), to tell payload cost from query cost. */
const PAGE_SIZED = {
  items: Array.from({ length: 50 }, (_, i) => ({
    id: i,
    text: 'x'.repeat(560),
    period: { code: '2021/22-Q3', label: 'Q3 2021/22' },
    rag: { status: 'red', explanation: 'Red: 61.2% is 7.6 points below the target.' },
  })),
  total: 100,
  limit: 50,
  offset: 0,
};

@Controller({ path: 'bench-bare', version: '1' })
export class BareController {
  @Get()
  constant(): { ok: true } {
    return { ok: true };
  }

  @Get('page-sized')
  pageSized(): typeof PAGE_SIZED {
    return PAGE_SIZED;
  }
}

@Module({ controllers: [BareController] })
export class BareModule {}

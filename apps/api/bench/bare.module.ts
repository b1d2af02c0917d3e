import { Controller, Get, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/**
 * The baseline: a route of the same NestJS app (same guard, logger, filter and pipes) that
 * returns a constant, so a product route's figures show what the product's own code costs.
 * It exists only in the bench build, never in the public API.
 */
@ApiExcludeController()
@Controller({ path: 'bench-bare', version: '1' })
export class BareController {
  @Get()
  constant(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [BareController] })
export class BareModule {}

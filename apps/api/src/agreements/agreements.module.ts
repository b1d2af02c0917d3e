import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { agreementEntities } from './agreement.entity.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsService } from './agreements.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(agreementEntities)],
  controllers: [AgreementsController],
  providers: [AgreementsService],
  exports: [AgreementsService],
})
export class AgreementsModule {}

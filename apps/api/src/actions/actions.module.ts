import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionEntity } from './action.entity.js';
import { ActionsController } from './actions.controller.js';
import { ActionsService } from './actions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ActionEntity])],
  controllers: [ActionsController],
  providers: [ActionsService],
})
export class ActionsModule {}

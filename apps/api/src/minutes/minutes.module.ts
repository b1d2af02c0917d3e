import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MinuteEntity } from './minute.entity.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesService } from './minutes.service.js';
import { MotionEntity } from './motion.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([MinuteEntity, MotionEntity])],
  controllers: [MinutesController],
  providers: [MinutesService],
})
export class MinutesModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResolutionEntity } from './resolution.entity.js';
import { ResolutionsController } from './resolutions.controller.js';
import { ResolutionsService } from './resolutions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ResolutionEntity])],
  controllers: [ResolutionsController],
  providers: [ResolutionsService],
  exports: [ResolutionsService],
})
export class ResolutionsModule {}

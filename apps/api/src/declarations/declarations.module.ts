import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeclarationEntity } from './declaration.entity.js';
import { DeclarationsController } from './declarations.controller.js';
import { DeclarationsService } from './declarations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DeclarationEntity])],
  controllers: [DeclarationsController],
  providers: [DeclarationsService],
})
export class DeclarationsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteeMembershipEntity } from './committee-membership.entity.js';
import { CommitteeEntity } from './committee.entity.js';
import { CommitteesController } from './committees.controller.js';
import { CommitteesService } from './committees.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CommitteeEntity, CommitteeMembershipEntity])],
  controllers: [CommitteesController],
  providers: [CommitteesService],
  exports: [CommitteesService],
})
export class CommitteesModule {}

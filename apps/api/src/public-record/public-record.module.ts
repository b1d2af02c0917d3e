import { type DynamicModule, Module } from '@nestjs/common';
import { AuthoritiesModule } from '../authorities/authorities.module.js';
import { CommitteesModule } from '../committees/committees.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { MembersModule } from '../members/members.module.js';
import { ResolutionsModule } from '../resolutions/resolutions.module.js';
import { ResultsModule } from '../results/results.module.js';
import {
  CommitteeRecordController,
  OpenDataController,
  PUBLIC_SITE_URL,
  PublicRecordController,
} from './public-record.controller.js';
import { PublicRecordService } from './public-record.service.js';

/** Calendars, feeds and open data: the public edition, read through the other services. */
@Module({})
export class PublicRecordModule {
  static register(publicSiteUrl: string): DynamicModule {
    return {
      module: PublicRecordModule,
      imports: [
        MeetingsModule,
        CommitteesModule,
        MembersModule,
        AuthoritiesModule,
        ResolutionsModule,
        ResultsModule,
      ],
      controllers: [PublicRecordController, CommitteeRecordController, OpenDataController],
      providers: [PublicRecordService, { provide: PUBLIC_SITE_URL, useValue: publicSiteUrl }],
    };
  }
}

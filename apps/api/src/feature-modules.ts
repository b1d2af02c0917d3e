import type { Type } from '@nestjs/common';
import { AgreementsModule } from './agreements/agreements.module.js';
import { ActionsModule } from './actions/actions.module.js';
import { AgendaItemsModule } from './agenda-items/agenda-items.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthoritiesModule } from './authorities/authorities.module.js';
import { CommitteesModule } from './committees/committees.module.js';
import { DeclarationsModule } from './declarations/declarations.module.js';
import { FilesModule } from './files/files.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { MeetingDocumentsModule } from './meeting-documents/meeting-documents.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { MembersModule } from './members/members.module.js';
import { MinutesModule } from './minutes/minutes.module.js';
import { ResolutionsModule } from './resolutions/resolutions.module.js';
import { MeasuresModule } from './measures/measures.module.js';
import { OfficerContactsModule } from './officer-contacts/officer-contacts.module.js';
import { PortfoliosModule } from './portfolios/portfolios.module.js';
import { PerformanceReportsModule } from './performance-reports/performance-reports.module.js';
import { ResultsModule } from './results/results.module.js';
import { SearchModule } from './search/search.module.js';

/** The resource modules the app serves. Add a feature's module here. */
export const featureModules: Type[] = [
  FilesModule,
  AuditModule,
  AuthoritiesModule,
  MembersModule,
  CommitteesModule,
  MeetingsModule,
  MeetingDocumentsModule,
  AgendaItemsModule,
  DeclarationsModule,
  MinutesModule,
  ActionsModule,
  ResolutionsModule,
  ImportsModule,
  PortfoliosModule,
  OfficerContactsModule,
  MeasuresModule,
  AgreementsModule,
  ResultsModule,
  PerformanceReportsModule,
  SearchModule,
];

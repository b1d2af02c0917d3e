import type { Type } from '@nestjs/common';
import { AgreementsModule } from './agreements/agreements.module.js';
import { AuditModule } from './audit/audit.module.js';
import { MeasuresModule } from './measures/measures.module.js';
import { OfficerContactsModule } from './officer-contacts/officer-contacts.module.js';
import { PortfoliosModule } from './portfolios/portfolios.module.js';
import { ReportsModule } from './performance-reports/reports.module.js';
import { ResultsModule } from './results/results.module.js';

/** The resource modules the app serves. Add a feature's module here. */
export const featureModules: Type[] = [
  AuditModule,
  PortfoliosModule,
  OfficerContactsModule,
  MeasuresModule,
  AgreementsModule,
  ResultsModule,
  ReportsModule,
];

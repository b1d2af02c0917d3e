import { CreatePlatformTables1763888400000 } from './1763888400000-CreatePlatformTables.js';
import { PerformanceAndResources1795425054668 } from './1795425054668-PerformanceAndResources.js';
import { DataGenerations1795428533356 } from './1795428533356-DataGenerations.js';
import { CreateMeetingTables1795424400000 } from './1795424400000-CreateMeetingTables.js';
import { ResourceTimestamps1795430000000 } from './1795430000000-ResourceTimestamps.js';
import { UnknownReasonWidth1795431000000 } from './1795431000000-UnknownReasonWidth.js';
import { MembershipPeriods1795432000000 } from './1795432000000-MembershipPeriods.js';
import { AgendaItemScheduledTime1795433000000 } from './1795433000000-AgendaItemScheduledTime.js';
import { ResolutionLead1795433100000 } from './1795433100000-ResolutionLead.js';
import { ExemptionPublicInterestTest1795433500000 } from './1795433500000-ExemptionPublicInterestTest.js';
import { DeclarationInterestsAndUnnamed1795434000000 } from './1795434000000-DeclarationInterestsAndUnnamed.js';
import { ExclusionCovers1795435000000 } from './1795435000000-ExclusionCovers.js';
import { AgendaItemConsideredOrder1795436000000 } from './1795436000000-AgendaItemConsideredOrder.js';
import { RenderedDocuments1795437000000 } from './1795437000000-RenderedDocuments.js';
import { MinutesPublishedAt1795438000000 } from './1795438000000-MinutesPublishedAt.js';
import { RenderedDocumentSubjects1795438200000 } from './1795438200000-RenderedDocumentSubjects.js';
import { SearchIndex1795439500000 } from './1795439500000-SearchIndex.js';
import { StoredFiles1795440000000 } from './1795440000000-StoredFiles.js';
import { StoredFileChecks1795441000000 } from './1795441000000-StoredFileChecks.js';
import { CommitteePurpose1795441700000 } from './1795441700000-CommitteePurpose.js';
import { LatePapers1795442000000 } from './1795442000000-LatePapers.js';
import { FileTexts1795443000000 } from './1795443000000-FileTexts.js';
import { FileConversions1795444000000 } from './1795444000000-FileConversions.js';
import { SearchVectorInline1795445000000 } from './1795445000000-SearchVectorInline.js';

/**
 * Every migration, oldest first. Append new ones at the end (files are named
 * `<epochMs>-<Intent>.ts`); TypeORM runs those not yet recorded in `migrations`.
 */
export const migrations = [
  CreatePlatformTables1763888400000,
  CreateMeetingTables1795424400000,
  PerformanceAndResources1795425054668,
  DataGenerations1795428533356,
  ResourceTimestamps1795430000000,
  UnknownReasonWidth1795431000000,
  MembershipPeriods1795432000000,
  AgendaItemScheduledTime1795433000000,
  ResolutionLead1795433100000,
  ExemptionPublicInterestTest1795433500000,
  DeclarationInterestsAndUnnamed1795434000000,
  ExclusionCovers1795435000000,
  AgendaItemConsideredOrder1795436000000,
  RenderedDocuments1795437000000,
  MinutesPublishedAt1795438000000,
  RenderedDocumentSubjects1795438200000,
  SearchIndex1795439500000,
  StoredFiles1795440000000,
  StoredFileChecks1795441000000,
  CommitteePurpose1795441700000,
  LatePapers1795442000000,
  FileTexts1795443000000,
  FileConversions1795444000000,
  SearchVectorInline1795445000000,
];

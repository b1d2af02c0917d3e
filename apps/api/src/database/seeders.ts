import type { CouncilDataset } from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import { seedMeetingsSide } from './meetings.seeder.js';
import { seedPerformance } from '../performance/performance.seeder.js';
import { seedSamplePapers } from './sample-papers.seeder.js';

/** Writes one area of a data set (authorities, meetings, performance …) inside the seed transaction. */
export type Seeder = (manager: EntityManager, dataset: CouncilDataset) => Promise<void>;

/** In order: later seeders may rely on rows earlier ones wrote. Append new areas at the end. */
export const seeders: Seeder[] = [seedMeetingsSide, seedPerformance, seedSamplePapers];

import type { Type } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';

/** The resource modules the app serves. Add a feature's module here. */
export const featureModules: Type[] = [AuditModule];

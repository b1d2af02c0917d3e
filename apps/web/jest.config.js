import { createJestConfig } from '@scrutineer/jest-config';

export default createJestConfig();

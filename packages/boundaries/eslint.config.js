import { createEslintConfig } from '@scrutineer/eslint-config';

export default createEslintConfig();

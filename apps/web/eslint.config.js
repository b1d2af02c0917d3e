import { createEslintConfig } from '@scrutineer/eslint-config';

// src/generated/ and generated/ are written by scripts/generate-client.mjs on every build.
export default createEslintConfig({ ignores: ['src/generated/**', 'generated/**'] });

import { createEslintConfig } from '@scrutineer/eslint-config';

// Nest's DI reads constructor types from decorator metadata: tell consistent-type-imports,
// so it does not turn injected classes into type-only imports.
export default createEslintConfig({
  languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
});

import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'examples/*/out/**',
      'examples/doc-snippets/generated/**',
      '**/*.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    // Adapters and higher layers use @plafond/core's public entry point only.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/core/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@plafond/*/src/*', '../../core/*'],
              message: 'Import @plafond/core, not its files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      'examples/**',
      'scripts/**',
      '.ci/**',
      'packages/bench/**',
      'packages/cli/src/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // vitest's toMatchObject takes a RegExp for an object with no members, which any value
    // matches: `{ reason: /x/ }` passes whatever the reason. expect.stringMatching tests it.
    files: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(toMatchObject|objectContaining)$/] Property > Literal[regex]',
          message:
            'toMatchObject passes whatever a member is when the expected member is a RegExp: write expect.stringMatching(/…/).',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltinNames = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'stream',
  'url',
  'util',
  'events',
  'buffer',
  'worker_threads',
];
const noNode = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

/** Import boundaries: the layout is the architecture, so a wrong import fails the build. */
const boundaries = {
  shared: {
    paths: noNode('shared/ runs everywhere: no Node built-ins.'),
    patterns: [
      { group: ['electron', 'electron/*'], message: 'shared/ runs everywhere: no Electron.' },
      { group: ['node:*'], message: 'shared/ runs everywhere: no Node built-ins (take dependencies as parameters).' },
      {
        group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'react/*', 'dexie'],
        message: 'shared/ is pure domain code.',
      },
    ],
  },
  renderer: {
    paths: noNode('The renderer is a sandboxed web page: no Node built-ins.'),
    patterns: [
      {
        group: ['**/electron/**', 'electron', 'electron/*'],
        message: 'The renderer reaches the shell only through window.casebridge.',
      },
      { group: ['node:*'], message: 'The renderer is a sandboxed web page: no Node built-ins.' },
    ],
  },
  main: {
    patterns: [
      {
        group: ['react', 'react-dom', 'react/*', '**/renderer/**', 'dexie'],
        message: 'Main never imports the UI or its store.',
      },
    ],
  },
  // The page side of the e2e and preview bridge is injected into the page: the renderer's rules, plus createApi.
  pageBridge: {
    paths: [
      ...noNode('The page bridge runs in the page: no Node built-ins.'),
      { name: 'electron', message: 'The page bridge runs in the page: no Electron.' },
    ],
    patterns: [{ group: ['node:*'], message: 'The page bridge runs in the page: no Node built-ins.' }],
  },
  // Handlers are plain modules that run under Node tests and behind the e2e bridge: no electron values.
  mainModules: {
    paths: [
      {
        name: 'electron',
        message: 'Only electron/main/index.ts and the preload touch Electron; handlers take dependencies.',
        allowTypeImports: true,
      },
    ],
    patterns: [
      {
        group: ['react', 'react-dom', 'react/*', '**/renderer/**', 'dexie'],
        message: 'Main never imports the UI or its store.',
      },
    ],
  },
};

/**
 * Layers inside the renderer, top to bottom. A folder imports only from folders on lower rows, never from its own
 * row or above: screens use providers and stores, never the other way round. docs/ARCHITECTURE.md shows the table.
 */
const rendererLayers = [
  ['app'],
  ['screens'],
  ['components'],
  ['desk'],
  ['exchange'],
  ['cases', 'offices', 'oversight'],
  ['vault', 'bundle-io'],
  ['boot', 'hooks', 'format', 'i18n'],
];
const rendererZones = rendererLayers.flatMap((row, level) =>
  row.map((folder) => {
    const above = rendererLayers
      .slice(0, level + 1)
      .flat()
      .filter((other) => other !== folder);
    return {
      folder,
      patterns: above.map((other) => ({
        // `@shared/<folder>` is the pure domain, not this layer's folder of the same name.
        group: [`**/${other}/**`, `../${other}/*`, `../../${other}/*`, '!@shared/**'],
        message: `renderer/src/${folder}/ sits below ${other}/: move the shared piece down instead of importing upward.`,
      })),
    };
  }),
);

const sodiumRule = { name: 'libsodium-wrappers-sumo', message: 'Use shared/crypto: one module wraps libsodium.' };
const sodiumOnlyHere = { paths: [sodiumRule] };
/** Merges a boundary with the libsodium rule (ESLint keeps only one `paths` list per rule). */
const withSodiumRule = (boundary) => ({ ...boundary, paths: [...(boundary.paths ?? []), sodiumRule] });

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/vectors/**/*.bin',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': ['error', sodiumOnlyHere],
    },
  },
  // Type-aware rules on TypeScript: promises that nobody awaits or catches, and switches that miss a case.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `void` marks a promise whose function reports its own failures (a Result, a message on screen); reviewed per use.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/crypto/**'],
    rules: { 'no-restricted-imports': ['error', withSodiumRule(boundaries.shared)] },
  },
  { files: ['shared/crypto/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.shared] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', withSodiumRule(boundaries.renderer)],
    },
  },
  ...rendererZones.map(({ folder, patterns }) => ({
    files: [`renderer/src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        withSodiumRule({ ...boundaries.renderer, patterns: [...boundaries.renderer.patterns, ...patterns] }),
      ],
    },
  })),
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', withSodiumRule(boundaries.mainModules)] },
  },
  {
    files: ['electron/bridge/page-bridge.ts', 'electron/bridge/clone-codec.ts', 'electron/bridge/bridge-names.ts'],
    rules: { 'no-restricted-imports': ['error', withSodiumRule(boundaries.pageBridge)] },
  },
  {
    files: ['electron/main/index.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', withSodiumRule(boundaries.main)] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);

// Test tiers by folder and suffix (STYLE.md §12). `npm test` (scripts/test.ts) runs them in order.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022', // Taro pins an older @swc/core that rejects es2023
      parser: { syntax: 'typescript', tsx: true, decorators: false },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
  setupFiles: ['<rootDir>/tests/support/pin-tz.js'],
};
const stub = '<rootDir>/tests/h5/support/style-stub.js';

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.integration\\.test\\.ts$', '/tests/(mp|h5|browser)/', '/node_modules/'],
    },
    {
      ...base,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.integration.test.ts'],
    },
    {
      ...base,
      displayName: 'mp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/mp/**/*.test.ts'],
      // The built weapp bundle is already plain JS.
      transformIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      ...base,
      displayName: 'h5',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/h5/**/*.test.tsx'],
      setupFiles: [...base.setupFiles, '<rootDir>/tests/h5/support/setup.js'],
      moduleNameMapper: {
        ...base.moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/tests/h5/support/taro-shim.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@nutui/nutui-react-taro$':
          '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
        '^(lottie-(web|react)|@nutui/lottie-miniprogram)$': stub,
        '\\.(css|scss)$': stub,
      },
      // Taro and NutUI ship ES modules; let swc turn them into CommonJS for jest.
      transformIgnorePatterns: [],
    },
    {
      ...base,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
  ],
};

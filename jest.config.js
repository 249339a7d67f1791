// Two worlds: the client (jsdom, Taro replaced by thin DOM stand-ins, msw for the network) and the server
// (Node, the real Fastify app on real databases). The e2e suite runs separately (tests/e2e/run.mjs).
const shared = {
  transform: { '^.+\\.(m?js|jsx|ts|tsx)$': 'babel-jest' },
  transformIgnorePatterns: ['/node_modules/(?!(@nutui|@tarojs|until-async|rettime|@swc/helpers|cookie)/)(?!.*\\.mjs$)'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|scss)$': '<rootDir>/tests/support/styleStub.js',
  },
}

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'client',
      testEnvironment: 'jest-fixed-jsdom',
      testMatch: ['<rootDir>/tests/client/**/*.test.{ts,tsx}', '<rootDir>/tests/unit/domain/**/*.test.ts'],
      // Resolve x.h5.ts before x.ts, as Taro's H5 build does: component tests run what browsers run.
      moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'mjs', 'cjs', 'json'],
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/support/taroComponents.tsx',
      },
      setupFiles: ['<rootDir>/tests/support/clientGlobals.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/clientSetup.ts'],
    },
    {
      ...shared,
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts', '<rootDir>/tests/unit/server/**/*.test.ts', '<rootDir>/tests/unit/build/**/*.test.ts', '<rootDir>/tests/search/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    },
  ],
}

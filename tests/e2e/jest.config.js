const path = require('node:path')

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.(m?js|ts|tsx)$': 'babel-jest' },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  // One browser and one server per file; files run one after another so two cores are not oversubscribed.
  maxWorkers: 1,
  testTimeout: 60_000,
}

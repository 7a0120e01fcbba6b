module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/e2e/queue'],
	testMatch: ['**/*.test.js'],
	testTimeout: 1_200_000,
	maxWorkers: 1,
	reporters: ['default', '<rootDir>/support/jest-summary-reporter.js'],
};

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testTimeout: 30000,
	// one worker per core of these machines; each test file starts its own sandbox on a free port
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/support/jest-summary-reporter.js'],
};

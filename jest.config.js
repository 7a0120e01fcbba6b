module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testTimeout: 30000,
	// the tests run at the seed's moment, whatever today's date (support/jest-seed-clock.js)
	setupFilesAfterEnv: ['<rootDir>/support/jest-seed-clock.js'],
	// one worker per core of these machines; each test file starts its own sandbox on a free port
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/support/jest-summary-reporter.js'],
};

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/e2e'],
	testMatch: ['**/*.e2e.test.js'],
	testTimeout: 300_000,
	// each suite has its own n8n user folder and ports; two at a time on these 2-core machines
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/support/jest-summary-reporter.js'],
};

'use strict';
// Prints the run's totals as one plain line ("jest: N passed, N failed, N skipped") after jest's own summary.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
		process.stderr.write(`jest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`);
	}
}
module.exports = SummaryReporter;

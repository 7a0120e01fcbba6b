'use strict';
// Figures the hardening suites print: written straight to stderr, so jest shows them as they are.
function report(line) {
	process.stderr.write(`${line}\n`);
}
module.exports = { report };

'use strict';
// The release workflow's claims: tokenless (trusted) publishing with provenance. npm publishes
// through OIDC only from npm 11.5.1 on; setup-node's Node 20 ships npm 10.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const workflow = fs.readFileSync(path.join(__dirname, '..', '..', '.github', 'workflows', 'publish.yml'), 'utf8');
const steps = workflow.split(/\n\s+- (?=name:|uses:|run:)/);
const stepIndex = (pattern) => steps.findIndex((step) => pattern.test(step));

test('the job may mint an OIDC token and publishes with provenance', () => {
	expect(workflow).toMatch(/^\s+id-token: write/m);
	expect(steps[stepIndex(/npm publish/)]).toMatch(/npm publish --provenance --access public/);
});

test('npm 11.5.1 or newer runs `npm publish`: Node 24+ or an npm upgrade before it', () => {
	const nodeMajor = Number(/node-version:\s*(\d+)/.exec(workflow)[1]);
	const upgrade = stepIndex(/npm (install|i) -g npm@(\^|>=)?(11\.([5-9]|\d\d)|1[2-9])/);
	const publish = stepIndex(/npm publish/);
	expect(publish).toBeGreaterThan(0);
	expect(nodeMajor >= 24 || (upgrade > 0 && upgrade < publish)).toBe(true);
});

test("the upgrade step's version guard refuses npm 10 and 11.5.0 and accepts 11.5.1 and later", () => {
	const guard = /node -e "([^"]+)"/.exec(steps[stepIndex(/npm (install|i) -g npm@/)])[1];
	const accepts = (version) => {
		try {
			execFileSync(process.execPath, ['-e', guard, version], { stdio: 'ignore' });
			return true;
		} catch {
			return false;
		}
	};
	expect(['10.8.2', '11.4.2', '11.5.0'].map(accepts)).toEqual([false, false, false]);
	expect(['11.5.1', '11.6.0', '12.0.0'].map(accepts)).toEqual([true, true, true]);
});

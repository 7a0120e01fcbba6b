'use strict';
// The benchmark's wiring. `npm run bench` runs for 5–20 minutes against real n8n and is not part of
// `npm test`; these checks catch, in seconds, what broke it before: a helper renamed under it
// (NODE24_BIN → NODE_BIN left `spawn(undefined)`) and a package that grew (3 nodes, not 2).
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT_DIRS = ['bench', 'scripts', 'support', path.join('support', 'n8n')];

/** `const { A, B: c } = require('./x')` of a project module → [file, module path, ['A', 'B']] */
function destructuredRequires() {
	const found = [];
	for (const dir of SCRIPT_DIRS) {
		for (const name of fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.js'))) {
			const file = path.join(ROOT, dir, name);
			const text = fs.readFileSync(file, 'utf8');
			for (const m of text.matchAll(/const \{([^}]+)\} = require\('(\.{1,2}\/[^']+?)(?<!\.json)'\)/g)) {
				const names = m[1].split(',').map((s) => s.trim().split(':')[0].trim()).filter(Boolean);
				found.push([path.relative(ROOT, file), require.resolve(path.resolve(path.dirname(file), m[2])), names]);
			}
		}
	}
	return found;
}

test("every name the benchmark and the scripts take from the project's own modules exists there", () => {
	const requires = destructuredRequires();
	expect(requires.some(([file]) => file === path.join('bench', 'run.js'))).toBe(true);
	const missing = [];
	for (const [file, modulePath, names] of requires) {
		const exported = require(modulePath);
		for (const name of names) if (exported[name] === undefined) missing.push(`${file}: ${name} from ${path.relative(ROOT, modulePath)}`);
	}
	expect(missing).toEqual([]);
});

test("the start-up probe loads every node and credential package.json declares, with n8n-core's loader", () => {
	const declared = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).n8n;
	const out = execFileSync(process.execPath, [path.join(ROOT, 'bench', 'startup-worker.js'), ROOT, path.join(ROOT, 'node_modules', 'n8n-core')], {
		encoding: 'utf8',
	});
	const result = JSON.parse(out);
	expect({ nodes: result.nodes, credentials: result.credentials }).toEqual({ nodes: declared.nodes.length, credentials: declared.credentials.length });
	expect(result.ms).toBeGreaterThan(0);
});

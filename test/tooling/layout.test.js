'use strict';
/**
 * The guard that keeps the package's layout as README "Layout: where each thing lives" describes it
 * (issue 25): every file of the shipped code small enough to hold one job, every top-level name
 * meaning one thing in the whole package, and every comment readable with the repository alone.
 * It reads the TypeScript sources (nodes/, credentials/); nothing is run.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const SHIPPED = ['nodes', 'credentials'];
const MAX_LINES = 250;

function tsFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return tsFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

const files = SHIPPED.flatMap((folder) => tsFiles(path.join(ROOT, folder))).map((full) => ({
	file: path.relative(ROOT, full),
	text: fs.readFileSync(full, 'utf8'),
}));

/** Top-level definitions of a source: `function x`, `const X`, `type T`, `interface I`, `class C`, exported or not. */
function topLevelNames(text) {
	const names = [];
	for (const m of text.matchAll(/^(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) {
		names.push(m[1]);
	}
	return names;
}

/** The comments of a source, one entry per line of comment text: `{line, text}`. */
function commentLines(text) {
	const found = [];
	const lines = text.split('\n');
	let inBlock = false;
	lines.forEach((line, i) => {
		const trimmed = line.trim();
		if (inBlock || trimmed.startsWith('/*')) {
			found.push({ line: i + 1, text: trimmed });
			inBlock = !trimmed.includes('*/');
			return;
		}
		const slashes = line.indexOf('//');
		// a // inside a string (a URL, a regex) is not a comment: only // after code or at the start of the line
		if (slashes >= 0 && (trimmed.startsWith('//') || /[;{},)]\s*\/\//.test(line))) {
			found.push({ line: i + 1, text: line.slice(slashes) });
		}
	});
	return found;
}

/** What a comment may not lean on: files and tags that live outside this repository. */
const OUTSIDE = [
	[/\bspec\b\s*(?:§|:)|\(spec\b/i, 'a specification that is not in the repository'],
	[/\b[\w-]+\.md\b/, 'a Markdown file'],
	[/\[(?:DOC|SCHEMA|CODE|INFERRED|NOT DOCUMENTED)\]/, 'a tag of the specification'],
];
const IN_REPOSITORY = new Set(['README.md', 'BENCHMARKS.md', 'CHANGELOG.md', 'LICENSE.md']);

describe('layout of the shipped code (README "Layout: where each thing lives")', () => {
	test(`no file in ${SHIPPED.join('/ or ')}/ is over ${MAX_LINES} lines`, () => {
		const long = files
			.map(({ file, text }) => ({ file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }))
			.filter(({ lines }) => lines > MAX_LINES)
			.map(({ file, lines }) => `${file}: ${lines} lines`);
		expect(long).toEqual([]);
	});

	test('every top-level name is defined in one file only', () => {
		const homes = new Map();
		for (const { file, text } of files) {
			for (const name of new Set(topLevelNames(text))) homes.set(name, [...(homes.get(name) ?? []), file]);
		}
		const twice = [...homes].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(', ')}`);
		expect(twice).toEqual([]);
	});

	test('no comment refers to a file or tag outside the repository', () => {
		const findings = [];
		for (const { file, text } of files) {
			for (const { line, text: comment } of commentLines(text)) {
				for (const [pattern, what] of OUTSIDE) {
					const hit = comment.match(pattern);
					if (hit && !IN_REPOSITORY.has(hit[0])) findings.push(`${file}:${line}: ${what}: ${comment.slice(0, 120)}`);
				}
			}
		}
		expect(findings).toEqual([]);
	});

	test('the guard reads what it guards', () => {
		// a guard that finds no files, names or comments would pass on anything
		expect(files.length).toBeGreaterThan(30);
		expect(files.flatMap(({ text }) => topLevelNames(text)).length).toBeGreaterThan(300);
		expect(files.flatMap(({ text }) => commentLines(text)).length).toBeGreaterThan(500);
		expect(topLevelNames('export async function a() {}\nconst B = 1;\ninterface C {}')).toEqual(['a', 'B', 'C']);
		expect(commentLines('x(); // see spec §2.1\nconst u = "https://a.b/c";').map((c) => c.text)).toEqual(['// see spec §2.1']);
	});
});

'use strict';
/**
 * What the polling triggers' e2e suites share (e2e/trigger-faults.e2e.test.js for the Zonos Trigger,
 * e2e/graphql-polling.e2e.test.js for the Zonos GraphQL Polling Trigger): n8n's durable poll cursor
 * flags, an n8n started with workflows published, waiting for real polls, and the exactly-once counts.
 */
const { prepareN8n } = require('../support/n8n/harness');

/** What turns n8n's durable poll cursors on (n8n 2.36+; the scheduler flags since 2.37). */
const DURABLE_CURSORS = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

/**
 * A started n8n with the given credentials imported and workflows published; `server()` is the
 * running process, `restart()` starts it again. Each instance is added to `instances` (stop them after the suite).
 */
async function startN8n(instances, name, credentials, workflows, extraEnv = {}) {
	const n8n = await prepareN8n({ name, extraEnv });
	await n8n.importCredentials(credentials);
	await n8n.importWorkflows(workflows);
	for (const { id } of workflows) {
		const published = await n8n.cli(['publish:workflow', `--id=${id}`]);
		if (published.code !== 0) throw new Error(`publish:workflow ${id} failed: ${published.stdout}${published.stderr}`);
	}
	let server = await n8n.start();
	const instance = {
		n8n,
		server: () => server,
		restart: async () => {
			server = await n8n.start();
		},
	};
	instances.push(instance);
	return instance;
}

async function waitFor(what, condition, timeoutMs = 150_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (condition()) return true;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	if (what) throw new Error(`timed out waiting for ${what}`);
	return false;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Orders added against the IDs the workflow wrote back: emitted, duplicated, missing. */
function counts(configuration, added, writtenIds) {
	const duplicated = writtenIds.filter((id, i) => writtenIds.indexOf(id) !== i);
	const missing = added.filter((id) => !writtenIds.includes(id));
	return { configuration, added: added.length, emitted: new Set(writtenIds).size, duplicated: duplicated.length, missing: missing.length, missingIds: missing };
}

module.exports = { DURABLE_CURSORS, startN8n, waitFor, pause, counts };

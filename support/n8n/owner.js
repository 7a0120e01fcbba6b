'use strict';
/** The owner of a fresh real n8n, and a fetch for n8n's REST API with the owner's session cookie. */

const OWNER = { email: 'owner@example.com', firstName: 'Zonos', lastName: 'Tester', password: 'Sandbox-Passw0rd' };

/** A fetch for n8n's REST API with the session cookie of `response` (sign-up or login). */
function restWithCookie(url, response) {
	const cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie')]).map((c) => c.split(';')[0]).join('; ');
	// REST routes live under /rest; the node and credential type lists under /types
	return async (method, route, body) => {
		const answer = await fetch(`${url}${route.startsWith('/types/') ? '' : '/rest'}${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', cookie, 'browser-id': 'zonos-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: answer.status, json, text };
	};
}

/** On a loaded machine n8n can say it is ready a moment before its REST routes are mounted: retry a 404 for up to a minute. */
async function untilMounted(send) {
	let response = await send();
	for (let waited = 0; response.status === 404 && waited < 60_000; waited += 1000) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		response = await send();
	}
	return response;
}

/** Signs up the owner of a fresh n8n and returns a fetch for its REST API with the session cookie. */
async function ownerSession(url) {
	const setUp = () =>
		fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'browser-id': 'zonos-e2e' },
			body: JSON.stringify(OWNER),
		});
	const response = await untilMounted(setUp);
	if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	return restWithCookie(url, response);
}

/** Logs the owner in again (e.g. after a restart of n8n); the same fetch as ownerSession's. */
async function ownerLogin(url) {
	const response = await untilMounted(() =>
		fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'browser-id': 'zonos-e2e' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		}),
	);
	if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
	return restWithCookie(url, response);
}

module.exports = { ownerSession, ownerLogin };

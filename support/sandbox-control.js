'use strict';
/**
 * The sandbox's control API (`/_sandbox/...`, README "The Zonos sandbox") as one function for a
 * started sandbox: `const control = sandboxControl(sandbox); await control('POST', '/_sandbox/reset')`.
 * Any answer other than 2xx throws with the status and body.
 */
function sandboxControl(sandbox) {
	return async function control(method, path, body) {
		const response = await fetch(`${sandbox.url}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = await response.json();
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
}

module.exports = { sandboxControl };

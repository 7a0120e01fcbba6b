'use strict';
/** The faults a test or a benchmark injects into the next matching request (see `injectFault` in server.js). */

/** Applies the first fault that matches this request; returns whether one did. */
function applyFault(state, req, res, answerNormally, raw) {
	const index = state.faults.findIndex((f) => !f.path || req.url.startsWith(f.path));
	if (index < 0) return false;
	const entry = state.faults[index];
	entry.left -= 1;
	if (entry.left <= 0) state.faults.splice(index, 1);
	const { fault } = entry;
	if (fault.destroy) {
		req.socket.destroy();
	} else if (fault.hang) {
		state.hanging.add(req.socket);
	} else if (fault.partial !== undefined) {
		res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(fault.partial.length * 2 + 10) });
		res.write(fault.partial);
		setTimeout(() => req.socket.destroy(), 20);
	} else if (fault.delayMs !== undefined) {
		setTimeout(answerNormally, fault.delayMs);
	} else if (typeof fault.afterAnswer === 'function') {
		res.on('finish', fault.afterAnswer);
		answerNormally();
	} else if (fault.slowMs !== undefined) {
		// let the endpoint answer, then send its body in ten pieces over slowMs
		const chunks = [];
		res.write = (chunk) => chunks.push(Buffer.from(chunk)) > 0;
		const end = res.end.bind(res);
		const write = Object.getPrototypeOf(res).write.bind(res);
		res.end = (chunk) => {
			if (chunk) chunks.push(Buffer.from(chunk));
			const whole = Buffer.concat(chunks);
			const size = Math.ceil(whole.length / 10);
			let sent = 0;
			const tick = () => {
				if (sent >= whole.length) return end();
				write(whole.subarray(sent, sent + size));
				sent += size;
				setTimeout(tick, fault.slowMs / 10);
			};
			tick();
			return res;
		};
		answerNormally();
	} else if (fault.ignoreAfter) {
		// a server that ignores `after`: the request answered as if it had none
		let body;
		try {
			body = JSON.parse(raw);
		} catch {
			answerNormally();
			return true;
		}
		if (body && body.variables && typeof body.variables === 'object') delete body.variables.after;
		answerNormally(JSON.stringify(body));
	} else if (fault.endlessCursor) {
		// pages that never end: nothing on them, yet always "more follow" behind a new cursor
		entry.served = (entry.served ?? 0) + 1;
		res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify({ data: { orders: { edges: [], pageInfo: { hasNextPage: true, endCursor: `endless-${entry.served}` } } } }));
	} else if (fault.endlessOrders) {
		// orders that never end: each page as many new ones as asked, and "more follow"
		let first = 50;
		try {
			first = JSON.parse(raw).variables.first ?? 50;
		} catch {
			// the default page
		}
		const from = entry.servedOrders ?? 0;
		entry.servedOrders = from + first;
		const edges = [];
		for (let i = from; i < from + first; i++) edges.push(`{"node":{"id":"order_endless-${i}","createdAt":"2026-11-20T10:00:00.000Z"}}`);
		res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(`{"data":{"orders":{"edges":[${edges.join(',')}],"pageInfo":{"hasNextPage":true,"endCursor":"endless-${entry.servedOrders}"}}}}`);
	} else if (fault.errors !== undefined) {
		res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', ...(fault.headers ?? {}) });
		res.end(JSON.stringify({ data: null, errors: fault.errors }));
	} else if (fault.bytes !== undefined) {
		res.writeHead(fault.status ?? 200, { 'Content-Type': fault.contentType ?? 'application/json' });
		res.end(Buffer.from(fault.bytes));
	} else {
		res.writeHead(fault.status ?? 200, { 'Content-Type': fault.contentType ?? 'text/html', ...(fault.headers ?? {}) });
		res.end(fault.body ?? '');
	}
	return true;
}

module.exports = { applyFault };

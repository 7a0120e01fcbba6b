'use strict';
/** Zonos' rate limit as the sandbox keeps it: a bucket of points per API key, refilling in real time. */

/** The bucket of `key` in the platform state `st`, refilled up to now. */
function bucket(st, key) {
	const nowReal = Date.now();
	let b = st.buckets.get(key);
	if (!b) {
		b = { points: st.rate.capacity, at: nowReal };
		st.buckets.set(key, b);
	}
	b.points = Math.min(st.rate.capacity, b.points + ((nowReal - b.at) / 1000) * st.rate.refillPerSecond);
	b.at = nowReal;
	return b;
}

module.exports = { bucket };

'use strict';
/** Times as Zonos' legacy order API writes and reads them. */

/** `2015-01-01 00:33:14.0`, the way Zonos writes a UTC time. */
function zonosTimestamp(ms) {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${Math.floor((ms % 1000) / 100)}`;
}

function parseZonosTimestamp(text) {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(text);
	if (!m) throw new Error(`sandbox seed: bad timestamp ${text}`);
	const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], fraction);
}

/** `yyyymmdd` → epoch ms of 00:00 UTC that day, or undefined when it is no real day. */
function parseApiDay(value) {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(String(value));
	if (!m) return undefined;
	const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
	const d = new Date(ms);
	if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return undefined;
	return ms;
}

module.exports = { zonosTimestamp, parseZonosTimestamp, parseApiDay };

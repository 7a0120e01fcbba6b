'use strict';
/** Relay paging as the sandbox serves it: cursors base64("simple-offset-cursor<n>"), `first` default 50, max 100. */
const { PAGE, GraphqlError } = require('./common');

const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
const cursorOf = (index) => b64(`simple-offset-cursor${index}`);

/** Reads an `after`/`before` cursor back into its offset, or throws a GraphQL error naming it. */
function offsetOf(cursor, argument) {
	const m = /^simple-offset-cursor(\d+)$/.exec(Buffer.from(String(cursor), 'base64').toString('utf8'));
	if (!m) throw new GraphqlError(`Invalid cursor for \`${argument}\`: ${JSON.stringify(cursor)} is not a cursor this API returned`);
	return Number(m[1]);
}

function page(list, { first, after, last, before }, maxFirst = PAGE.max) {
	for (const [name, value] of [['first', first], ['last', last]]) {
		if (value === undefined || value === null) continue;
		if (value < 0) throw new GraphqlError(`\`${name}\` must not be negative (got ${value})`);
		if (value > maxFirst) throw new GraphqlError(`\`${name}\` must not exceed ${maxFirst} (got ${value}); page through the rest with \`after\`/\`before\``);
	}
	let start = after !== undefined && after !== null ? offsetOf(after, 'after') + 1 : 0;
	let end = before !== undefined && before !== null ? Math.min(offsetOf(before, 'before'), list.length) : list.length;
	start = Math.min(start, end);
	if (first !== undefined && first !== null) end = Math.min(end, start + first);
	else if (last === undefined || last === null) end = Math.min(end, start + PAGE.default);
	if (last !== undefined && last !== null) start = Math.max(start, end - last);
	const edges = list.slice(start, end).map((node, i) => ({ cursor: cursorOf(start + i), node }));
	return {
		edges,
		totalCount: list.length,
		pageInfo: {
			startCursor: edges.length ? edges[0].cursor : null,
			endCursor: edges.length ? edges[edges.length - 1].cursor : null,
			hasNextPage: end < list.length,
			hasPreviousPage: start > 0,
		},
	};
}

module.exports = { page };

'use strict';
/** The GraphQL schema (schema.graphql) with Zonos' DateTime and Decimal scalars. */
const fs = require('node:fs');
const graphql = require('graphql');
const { SCHEMA_FILE, iso } = require('./common');

/** Parses a DateTime input: an ISO-8601 date (`2026-11-20`, read as 00:00 UTC) or date-time with offset or `Z`. */
function parseDateTime(value) {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(value)) {
		throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}: expected an ISO-8601 date or date-time such as 2026-11-20 or 2026-11-20T08:00:00Z`);
	}
	const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
	const ms = Date.parse(text.replace(' ', 'T'));
	if (Number.isNaN(ms)) throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}: no such date`);
	return ms;
}

function buildSchema() {
	const schema = graphql.buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
	const dateTime = schema.getType('DateTime');
	dateTime.serialize = (value) => (typeof value === 'number' ? iso(value) : value);
	dateTime.parseValue = parseDateTime;
	dateTime.parseLiteral = (ast) => {
		if (ast.kind !== graphql.Kind.STRING) throw new TypeError('DateTime must be a string');
		return parseDateTime(ast.value);
	};
	const decimal = schema.getType('Decimal');
	decimal.parseValue = (value) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`Decimal cannot represent ${JSON.stringify(value)}`);
		return value;
	};
	return schema;
}

module.exports = { buildSchema };

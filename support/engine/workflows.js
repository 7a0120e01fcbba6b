'use strict';
const { PACKAGE_NAME } = require('./package');

/** A workflow of one Zonos node with the given parameters. */
function zonosWorkflow(parameters, { timezone = 'UTC', nodeSettings = {}, name = 'Zonos' } = {}) {
	return {
		nodes: [
			{
				id: 'zonos-node',
				name,
				type: `${PACKAGE_NAME}.zonos`,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials:
					parameters.api === 'graphql'
						? { zonosGraphqlApi: { id: '2', name: 'Zonos GraphQL sandbox' } }
						: { zonosApi: { id: '1', name: 'Zonos sandbox' } },
				...nodeSettings,
			},
		],
		connections: {},
		settings: { timezone },
	};
}

module.exports = { zonosWorkflow };

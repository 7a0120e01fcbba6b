// eslint-plugin-n8n-nodes-base's rule sets for community packages: community (package.json),
// credentials, nodes. Run beside `n8n-node lint` (whose config, eslint.config.mjs, must stay n8n's
// default in strict mode): `npm run lint`, `npm run verify`.
import tsParser from '@typescript-eslint/parser';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

// The community-nodes plugin is registered (none of its rules on: n8n-node lint runs them) so that a
// source's `eslint-disable` for one of its rules means the same here.
const plugin = { 'n8n-nodes-base': n8nNodesBase, ...(communityNodes.default ?? communityNodes).configs.recommended.plugins };

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.e2e/**', '.verify/*.tgz'] },
	// directives for the community-nodes rules are n8n-node lint's to judge, not this run's
	{ linterOptions: { reportUnusedDisableDirectives: 'off' } },
	{
		files: ['**/package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: plugin,
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: plugin,
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// The rule itself says it applies only to nodes in n8n's main repository, whose docs
			// live under a slug; a community package must point documentationUrl at a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: plugin,
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two predate NodeConnectionTypes and ask for the literal 'main'; n8n's current
			// community-node scanner (node-connection-type-literal, npm run verify) asks for
			// NodeConnectionTypes.Main, as the official starter writes it.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];

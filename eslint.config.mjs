// The rule sets n8n applies to community packages: community (package.json), credentials, nodes.
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const plugin = { 'n8n-nodes-base': n8nNodesBase };

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.e2e/**'] },
	{
		files: ['package.json'],
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
		rules: { ...n8nNodesBase.configs.nodes.rules },
	},
];

// `npm run verify`: the checks n8n's community-node scanner applies, on the sources and on the
// packed tarball: @n8n/eslint-plugin-community-nodes (recommended) with no-console, plus
// eslint-plugin-n8n-nodes-base's community, credentials and nodes rule sets (eslint.nodes-base.config.mjs).
import tsParser from '@typescript-eslint/parser';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import base from './eslint.nodes-base.config.mjs';

const plugin = communityNodes.default ?? communityNodes;
const recommended = plugin.configs.recommended;

export default [
	...base,
	{ ignores: ['node_modules/**', '.e2e/**', 'bench/**', 'e2e/**', 'test/**', 'sandbox/**', 'scripts/**', 'examples/**'] },
	{
		files: ['**/*.ts', '**/*.js', '**/package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: recommended.plugins,
		rules: { ...recommended.rules, 'no-console': 'error' },
	},
];

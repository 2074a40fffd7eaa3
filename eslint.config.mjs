// `npm run lint` (n8n-node lint) runs ESLint on the whole repository with this configuration:
// n8n's own community-node configuration (@n8n/node-cli/eslint), which already holds
// @n8n/eslint-plugin-community-nodes' recommended rules (n8n Cloud's included) and
// eslint-plugin-n8n-nodes-base's community, credential and node rule sets.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

// package.json's author email is a placeholder until a maintainer sets their own (CONTRIBUTING.md,
// "Releasing"). n8n-node release sets RELEASE_MODE around its lint (release-it's hook on a
// maintainer's machine; the publishing workflow sets it in CI), so a release with it fails.
const AUTHOR_EMAIL_PLACEHOLDER = 'maintainers@n8n-nodes-group-provisioning.dev';

export default [
	// What is published is dist/ built from nodes/ and credentials/, and package.json: the tests, the
	// sandbox, the scripts, the benchmarks and the examples are not part of the package, and n8n's
	// rules (no globals such as setTimeout or process, no console, n8n Cloud's imports) are not theirs.
	globalIgnores([
		'dist',
		'test',
		'sandbox',
		'scripts',
		'bench',
		'examples',
		'docs',
		'*.js',
		'*.mjs',
	]),
	...config,
	...(process.env.RELEASE_MODE
		? [
				{
					files: ['package.json'],
					rules: {
						'n8n-nodes-base/community-package-json-author-email-still-default': [
							'error',
							{ authorEmail: AUTHOR_EMAIL_PLACEHOLDER },
						],
					},
				},
			]
		: []),
];

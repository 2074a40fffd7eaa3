/**
 * The example workflows (examples/*.json) in the oldest n8n the package claims to support,
 * package.json's `config.n8nOldestVersion`: the same end-to-end tests as `npm run test:e2e` runs
 * on the newest, limited to the files that run the examples. `N8N_VERSION` names another n8n
 * version to try instead.
 */
const packageJson = require('./package.json');
const e2e = require('./jest.e2e.config');

// Read by scripts/lib/realN8n.js in the test files, which run in workers started after this.
process.env.N8N_VERSION ||= packageJson.config.n8nOldestVersion;

/** @type {import('jest').Config} */
module.exports = {
	...e2e,
	testMatch: [
		'**/exampleWorkflows.e2e.test.js',
		'**/lifecycle.e2e.test.js',
		'**/peopleExamples.e2e.test.js',
	],
};

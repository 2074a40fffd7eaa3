/** The editor in a real browser: the packed package inside a real n8n, against the local sandbox. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.test.js'],
	// Installing n8n the first time takes minutes; a lifecycle example runs a dozen steps.
	testTimeout: 15 * 60 * 1000,
};

/** End-to-end tests: the packed package inside a real n8n, against the local sandbox. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.js'],
	// Installing n8n the first time takes minutes; each n8n command takes seconds to start.
	testTimeout: 15 * 60 * 1000,
};

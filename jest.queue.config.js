/** Queue mode: the packed package in n8n with Postgres, Redis and two workers, against the local sandbox. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.test.js'],
	// Installing n8n (and Postgres and Redis) the first time takes minutes.
	testTimeout: 20 * 60 * 1000,
};

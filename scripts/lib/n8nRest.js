// @ts-check
'use strict';
/**
 * The REST API of a running n8n (the one its editor uses), signed in as the local owner:
 * executions (list, read), for the runs that start workflows through webhooks and wait
 * for the executions n8n enqueued.
 */
const path = require('node:path');
const { ensureOwner, signIn } = require('./realN8n');

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * @typedef {{id: string, status: string, mode: string, startedAt: string|null, stoppedAt: string|null,
 *   workflowId: string}} ExecutionSummary
 */

/**
 * Signs in (creating the owner on first use) and returns the calls.
 * @param {string} editorUrl @param {ReturnType<typeof import('./realN8n').ensureN8nInstalled>} runtime
 */
async function n8nRest(editorUrl, runtime) {
	await ensureOwner(editorUrl);
	const cookie = await signIn(editorUrl);
	// n8n stores an execution's data "flatted" (JSON with shared references); its own package reads it.
	const flatted = require(path.join(path.dirname(runtime.n8nBin), '..', '..', 'flatted'));

	/** @param {string} method @param {string} route @param {unknown} [body] */
	async function call(method, route, body) {
		const response = await fetch(`${editorUrl}/rest${route}`, {
			method,
			headers: { cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(
				`n8n answered ${method} /rest${route} with HTTP ${response.status}: ${text.slice(0, 500)}`,
			);
		return JSON.parse(text).data;
	}

	/** The workflow's latest executions (at most 100), newest first. @param {string} workflowId @returns {Promise<ExecutionSummary[]>} */
	async function executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		return (await call('GET', `/executions?filter=${filter}&limit=100`)).results;
	}

	/**
	 * Waits until the workflow has `count` executions (retries included) with an ID above `after`,
	 * and none of them is still queued or running.
	 * @param {string} workflowId @param {number} count
	 */
	async function waitForExecutions(
		workflowId,
		count,
		{ after = 0, timeoutMs = 10 * 60_000, pollMs = 500 } = {},
	) {
		const until = Date.now() + timeoutMs;
		for (;;) {
			const found = (await executions(workflowId)).filter(
				(execution) => Number(execution.id) > after,
			);
			if (found.length >= count && found.every((execution) => FINISHED.has(execution.status)))
				return found;
			if (Date.now() > until) {
				const statuses = found.map((execution) => execution.status).join(', ');
				throw new Error(
					`After ${timeoutMs / 1000} s, workflow ${workflowId} has ${found.length} of ${count} executions: ${statuses}`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
	}

	/** One execution with its run data. @param {string} id */
	async function execution(id) {
		const found = await call('GET', `/executions/${id}`);
		return {
			...found,
			data: typeof found.data === 'string' ? flatted.parse(found.data) : found.data,
		};
	}

	/** The highest execution ID so far (0 for none): later executions have higher ones. @param {string} workflowId */
	async function newestExecutionId(workflowId) {
		return Math.max(0, ...(await executions(workflowId)).map((execution) => Number(execution.id)));
	}

	return { call, executions, waitForExecutions, newestExecutionId, execution };
}

module.exports = { n8nRest };

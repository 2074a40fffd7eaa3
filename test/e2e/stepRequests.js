// @ts-check
'use strict';
/**
 * The sandbox's request log read step by step: each step of a workflow is one node, and the
 * sandbox records, with every request (`recordStates`), its groups as they were once it had
 * answered, so that a test checks the state after each step.
 */

/**
 * Splits the sandbox's request log (token requests left out) into the steps of a workflow, each
 * step expecting exactly the endpoints listed, in order; a step listed under `anyOrder` sends its
 * requests concurrently, so only which and how many are compared. Gives, per step, its requests.
 * @param {any[]} requests @param {Array<[string, Array<string|null>]>} steps @param {{anyOrder?: string[]}} [options]
 */
function requestsByStep(requests, steps, { anyOrder = [] } = {}) {
	const log = requests.filter((r) => !r.endpoint?.endsWith('.token'));
	/** @type {Record<string, any[]>} */
	const byStep = {};
	let at = 0;
	for (const [step, endpoints] of steps) {
		byStep[step] = log.slice(at, at + endpoints.length);
		const sent = byStep[step].map((r) => r.endpoint);
		const [got, expected] = anyOrder.includes(step)
			? [[...sent].sort(), [...endpoints].sort()]
			: [sent, endpoints];
		expect({ step, endpoints: got }).toEqual({ step, endpoints: expected });
		at += endpoints.length;
	}
	expect(log.slice(at).map((r) => r.endpoint)).toEqual([]);
	return byStep;
}

/** The sandbox's groups of the step's service once the last request of a step was answered. @param {any[]} stepRequests */
const stateAfter = (stepRequests) => stepRequests[stepRequests.length - 1].stateAfter;

module.exports = { requestsByStep, stateAfter };

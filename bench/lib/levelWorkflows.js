// @ts-check
'use strict';
/**
 * One workflow that provisions at several in-flight limits in turn, so that one `n8n execute`
 * (whose start costs seconds) measures all of them: for each level, a Set node (run once) makes
 * that level's group names, Split Out makes one item per name, and the provisioning step creates
 * the groups at that level's limit. The steps of the three variants:
 *   ours          our node with Max Concurrent Requests = the limit
 *   httpLoop      Loop Over Items with batch size = the limit, around the HTTP Request node: the
 *                 way n8n caps the requests in flight (each batch waits for its slowest request)
 *   httpUncapped  the HTTP Request node with Batching (batch size = the limit, interval 0), which
 *                 sends every item's request at once
 * levelTimes() reads each level's time from the execution.
 */
const crypto = require('node:crypto');
const { groupNamesNode, splitNamesNode } = require('../../scripts/lib/loadWorkflows');

/**
 * @typedef {'ours'|'httpLoop'|'httpUncapped'} Variant
 * @typedef {{inFlight: number, items: number, prefix: string}} Level
 */

const namesNode = (/** @type {Level} */ level) => `Names x${level.inFlight}`;
const splitNode = (/** @type {Level} */ level) => `One Item Per Name x${level.inFlight}`;
const createNode = (/** @type {Level} */ level) => `Create x${level.inFlight}`;
const loopNode = (/** @type {Level} */ level) => `Loop Over Items x${level.inFlight}`;

/**
 * @param {string} id @param {string} name @param {Variant} variant @param {Level[]} levels
 * @param {(inFlight: number) => object} provisioningNode the create node for one level
 */
function levelsWorkflow(id, name, variant, levels, provisioningNode) {
	/** @type {any[]} */
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
	];
	/** @type {Record<string, {main: Array<Array<{node: string, type: 'main', index: number}>>}>} */
	const connections = {};
	const connect = (/** @type {string} */ from, /** @type {string} */ to, output = 0) => {
		connections[from] ??= { main: [] };
		while (connections[from].main.length <= output) connections[from].main.push([]);
		connections[from].main[output].push({ node: to, type: 'main', index: 0 });
	};
	let previous = 'Start';
	for (const level of levels) {
		nodes.push(
			// Once, whatever number of items the previous level's step gave.
			{
				...groupNamesNode(namesNode(level), String(level.items), JSON.stringify(level.prefix)),
				executeOnce: true,
			},
			splitNamesNode(splitNode(level)),
			{ ...provisioningNode(level.inFlight), name: createNode(level) },
		);
		connect(previous, namesNode(level));
		connect(namesNode(level), splitNode(level));
		if (variant === 'httpLoop') {
			nodes.push({
				name: loopNode(level),
				type: 'n8n-nodes-base.splitInBatches',
				typeVersion: 3,
				parameters: { batchSize: level.inFlight, options: {} },
			});
			connect(splitNode(level), loopNode(level));
			// Output 1 is "loop" (the next batch), output 0 "done".
			connect(loopNode(level), createNode(level), 1);
			connect(createNode(level), loopNode(level));
			previous = loopNode(level);
		} else {
			connect(splitNode(level), createNode(level));
			previous = createNode(level);
		}
	}
	nodes.forEach((node, index) => {
		node.id = crypto.randomUUID();
		node.position = [index * 200, 0];
	});
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/**
 * Each level's provisioning time in ms, from the first moment of its step (the loop's first run,
 * or the node's run) to the end of its last create, and the number of items it output.
 * @param {any} execution @param {Variant} variant @param {Level[]} levels
 */
function levelTimes(execution, variant, levels) {
	const runData = execution.data.resultData.runData;
	return levels.map((level) => {
		const creates = runData[createNode(level)] ?? [];
		const first = variant === 'httpLoop' ? runData[loopNode(level)]?.[0] : creates[0];
		if (!first || creates.length === 0)
			throw new Error(`No run of ${createNode(level)} in the execution`);
		const end = Math.max(
			...creates.map((/** @type {any} */ run) => run.startTime + run.executionTime),
		);
		const outputItems = creates.reduce(
			(sum, /** @type {any} */ run) => sum + (run.data?.main?.[0]?.length ?? 0),
			0,
		);
		return { level, startedAt: first.startTime, timeMs: end - first.startTime, outputItems };
	});
}

module.exports = { levelsWorkflow, levelTimes };

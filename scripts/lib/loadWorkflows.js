// @ts-check
'use strict';
/**
 * Workflows that create many groups, for the benchmark and the queue-mode runs: N group names
 * made without a Code node (task runners are off), one item per name, then one provisioning node
 * named PROVISIONING_NODE, either ours or n8n's HTTP Request node sending the same POSTs. Started
 * by hand (N fixed in the workflow) or by a webhook (N and the names' prefix in the POST body).
 */
const crypto = require('node:crypto');
const path = require('node:path');
const { projectRoot } = require('./realN8n');
const { GROUPID, UIPATH } = require('../../sandbox/accounts');

// Our node's own body builder, compiled by `npm run build`.
const { buildSmartGroupRequest, smartGroupPath } = require(
	path.join(projectRoot, 'dist', 'nodes', 'NetwrixGroupId', 'requests', 'smartGroupBody.js'),
);

const PROVISIONING_NODE = 'Create Groups';

/** The node parameters of the documented sample (the tests' fixture): every item creates that Smart Group under its own name. */
const SEED_PARAMETERS = require('../../test/fixtures/groupid-create-smart-group.parameters.json');
const SMART_GROUP = {
	container: SEED_PARAMETERS.container,
	groupType: SEED_PARAMETERS.groupType,
	security: SEED_PARAMETERS.security,
	objectTypes: SEED_PARAMETERS.objectTypes,
	condition: SEED_PARAMETERS.conditions.condition[0],
	startPath: SEED_PARAMETERS.startPaths.startPath[0],
	description: SEED_PARAMETERS.additionalFields.description,
	owner: SEED_PARAMETERS.additionalFields.owner,
	notes: SEED_PARAMETERS.additionalFields.notes,
};

const LOCAL_GROUP_MEMBERS =
	require('../../test/fixtures/uipath-create-local-group.parameters.json').memberList.member.map(
		(/** @type {{userId: {value: string}}} */ member) => member.userId.value,
	);

/**
 * Started by hand: `itemCount` groups named namePrefix + 0, 1, 2…
 * @param {string} id @param {string} name @param {number} itemCount @param {string} namePrefix
 * @param {object} provisioningNode
 */
function benchWorkflow(id, name, itemCount, namePrefix, provisioningNode) {
	const trigger = {
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	};
	return provisioningWorkflow(
		id,
		name,
		trigger,
		`${itemCount}`,
		JSON.stringify(namePrefix),
		provisioningNode,
	);
}

/**
 * Started by a POST to /webhook/<webhookPath> with the body {"count": N, "prefix": "…"}: N groups
 * named prefix + 0, 1, 2… n8n answers when the execution ends, so the sender learns whether it
 * succeeded (HTTP 200, with no body) and can send a failed request again.
 * @param {string} id @param {string} name @param {string} webhookPath @param {object} provisioningNode
 */
function webhookWorkflow(id, name, webhookPath, provisioningNode) {
	const trigger = {
		name: 'Provisioning Request',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: crypto.randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path: webhookPath,
			responseMode: 'lastNode',
			responseData: 'noData',
			options: {},
		},
	};
	return provisioningWorkflow(
		id,
		name,
		trigger,
		'$json.body.count',
		'$json.body.prefix',
		provisioningNode,
	);
}

/**
 * A Set node whose one item holds `name`: the array of N names prefix + 0, 1, 2…
 * @param {string} name @param {string} countExpression @param {string} prefixExpression JavaScript inside the n8n expression
 */
function groupNamesNode(name, countExpression, prefixExpression) {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [
					{
						id: crypto.randomUUID(),
						name: 'name',
						type: 'array',
						value: `={{ Array.from({ length: ${countExpression} }, (_, i) => ${prefixExpression} + i) }}`,
					},
				],
			},
			includeOtherFields: false,
			options: {},
		},
	};
}

/** A Split Out node making one item per name. @param {string} name */
function splitNamesNode(name) {
	return {
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: 'name', include: 'noOtherFields', options: {} },
	};
}

/**
 * @param {string} id @param {string} name @param {object} trigger
 * @param {string} countExpression @param {string} prefixExpression JavaScript inside the n8n expression
 * @param {object} provisioningNode
 */
function provisioningWorkflow(
	id,
	name,
	trigger,
	countExpression,
	prefixExpression,
	provisioningNode,
) {
	const nodes = [
		trigger,
		groupNamesNode('Group Names', countExpression, prefixExpression),
		splitNamesNode('One Item Per Name'),
		{ ...provisioningNode, name: PROVISIONING_NODE },
	].map((node, index) => ({ id: crypto.randomUUID(), position: [index * 220, 0], ...node }));
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/** @param {number} inFlight @param {string} credentialId */
function ourSmartGroupNode(inFlight, credentialId) {
	return {
		type: 'n8n-nodes-group-provisioning.netwrixGroupId',
		typeVersion: 1,
		credentials: { netwrixGroupIdApi: { id: credentialId, name: credentialId } },
		parameters: {
			resource: 'smartGroup',
			operation: 'create',
			groupName: '={{ $json.name }}',
			container: SMART_GROUP.container,
			groupType: SMART_GROUP.groupType,
			security: SMART_GROUP.security,
			objectTypes: SMART_GROUP.objectTypes,
			criteriaMode: 'conditions',
			conditions: { condition: [SMART_GROUP.condition] },
			combineWith: 'AND',
			startPaths: { startPath: [SMART_GROUP.startPath] },
			additionalFields: {
				description: SMART_GROUP.description,
				owner: SMART_GROUP.owner,
				notes: SMART_GROUP.notes,
			},
			options: { maxConcurrency: inFlight },
		},
	};
}

/** @param {number} inFlight @param {string} credentialId */
function ourLocalGroupNode(inFlight, credentialId) {
	return {
		type: 'n8n-nodes-group-provisioning.uiPathIdentity',
		typeVersion: 1,
		credentials: { uiPathIdentityApi: { id: credentialId, name: credentialId } },
		parameters: {
			resource: 'group',
			operation: 'create',
			name: '={{ $json.name }}',
			membersInput: 'list',
			memberList: {
				member: LOCAL_GROUP_MEMBERS.map((userId) => ({
					userId: { __rl: true, mode: 'id', value: userId },
				})),
			},
			additionalFields: {},
			options: { maxConcurrency: inFlight },
		},
	};
}

/**
 * n8n's HTTP Request node POSTing `bodyExpression` with a header credential. With `batchSize`,
 * batched as its Options > Batching allow: batchSize items per batch, no pause between batches
 * (which, as the node is written, still sends every item's request at once). Without, plain.
 * @param {string} url @param {string} bodyExpression @param {number|undefined} batchSize @param {string} credentialId
 */
function httpRequestNode(url, bodyExpression, batchSize, credentialId) {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentials: { httpHeaderAuth: { id: credentialId, name: credentialId } },
		parameters: {
			method: 'POST',
			url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: bodyExpression,
			options:
				batchSize === undefined ? {} : { batching: { batch: { batchSize, batchInterval: 0 } } },
		},
	};
}

/** Where both the HTTP Request node and a plain client POST a Smart Group. @param {string} sandboxUrl */
const smartGroupUrl = (sandboxUrl) => `${sandboxUrl}${smartGroupPath(GROUPID.identityStoreId)}`;
/** Where both POST a local group. @param {string} sandboxUrl */
const localGroupUrl = (sandboxUrl) =>
	`${sandboxUrl}/${UIPATH.organizationName}/${UIPATH.tenantName}/identity_/api/Group`;

/** A local group body as our node sends it for `name` (the seed's shape and the fixture's members; the ID is the name where our node makes a GUID). @param {string} name */
function localGroupBody(name) {
	return {
		partitionGlobalId: UIPATH.organizationId,
		name,
		id: name,
		directoryUserMemberIDs: LOCAL_GROUP_MEMBERS,
	};
}

/** @param {string} sandboxUrl @param {number|undefined} batchSize @param {string} credentialId */
function httpSmartGroupNode(sandboxUrl, batchSize, credentialId) {
	return httpRequestNode(
		smartGroupUrl(sandboxUrl),
		smartGroupBodyExpression(),
		batchSize,
		credentialId,
	);
}

/** @param {string} sandboxUrl @param {number|undefined} batchSize @param {string} credentialId */
function httpLocalGroupNode(sandboxUrl, batchSize, credentialId) {
	const placeholder = 'BenchGroupNamePlaceholder';
	const body = JSON.stringify(localGroupBody(placeholder)).replaceAll(
		JSON.stringify(placeholder),
		'$json.name',
	);
	return httpRequestNode(localGroupUrl(sandboxUrl), `={{ (${body}) }}`, batchSize, credentialId);
}

/**
 * The body our node sends for the group named `$json.name`, made by our node's own builder from
 * the same fields as ourSmartGroupNode's parameters, as an n8n expression giving that object.
 */
function smartGroupBodyExpression() {
	const placeholder = 'BenchGroupNamePlaceholder';
	// Indented, so no "}}" (which would end the n8n expression) appears inside the object.
	const literal = JSON.stringify(smartGroupBody(placeholder), null, 1).replaceAll(
		JSON.stringify(placeholder),
		'$json.name',
	);
	if (literal.includes(placeholder) || literal.includes('}}')) {
		throw new Error('The Smart Group body cannot be written as an n8n expression');
	}
	return `={{ (${literal}) }}`;
}

/** The Smart Group body our node sends for `name`, made by our node's own builder from ourSmartGroupNode's fields. @param {string} name */
function smartGroupBody(name) {
	const { body } = buildSmartGroupRequest(
		{
			groupName: name,
			container: SMART_GROUP.container.value,
			groupType: SMART_GROUP.groupType,
			security: SMART_GROUP.security,
			objectTypes: SMART_GROUP.objectTypes,
			criteria: { mode: 'conditions', conditions: [SMART_GROUP.condition], combineWith: 'AND' },
			startPaths: [SMART_GROUP.startPath],
			notes: SMART_GROUP.notes,
			description: SMART_GROUP.description,
			owner: SMART_GROUP.owner.value,
		},
		{ identityStoreId: GROUPID.identityStoreId },
	);
	return body;
}

module.exports = {
	PROVISIONING_NODE,
	benchWorkflow,
	webhookWorkflow,
	groupNamesNode,
	splitNamesNode,
	ourSmartGroupNode,
	ourLocalGroupNode,
	httpSmartGroupNode,
	httpLocalGroupNode,
	smartGroupUrl,
	localGroupUrl,
	smartGroupBody,
	localGroupBody,
};

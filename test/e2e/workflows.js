// @ts-check
'use strict';
/** Workflows for the end-to-end tests: N input items fed to one of the package's nodes. */
const { GROUPID_CREDENTIAL_ID, UIPATH_CREDENTIAL_ID } = require('../../scripts/lib/sandboxSetup');

const NODE_NAME = 'Provision';

const groupIdNode = {
	type: 'n8n-nodes-group-provisioning.netwrixGroupId',
	credentials: {
		netwrixGroupIdApi: { id: GROUPID_CREDENTIAL_ID, name: 'Netwrix GroupID (local sandbox)' },
	},
	parameters: {
		resource: 'smartGroup',
		operation: 'create',
		groupName: '={{ $json.name }}',
		container: { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' },
		groupType: '8',
		security: 'Private',
		objectTypes: ['6'],
		criteriaMode: 'conditions',
		conditions: {
			condition: [{ attribute: 'department', operator: 'Contains', value: '={{ $json.name }}' }],
		},
		combineWith: 'AND',
	},
};

const uiPathNode = {
	type: 'n8n-nodes-group-provisioning.uiPathIdentity',
	credentials: {
		uiPathIdentityApi: { id: UIPATH_CREDENTIAL_ID, name: 'UiPath Identity (local sandbox)' },
	},
	parameters: {
		resource: 'group',
		operation: 'create',
		name: '={{ $json.name }}',
		membersInput: 'text',
		memberIds: 'ron-0103, har-3107',
		additionalFields: {},
	},
};

/**
 * A workflow whose provisioning node (named "Provision") gets one item per name.
 * @param {{id: string, service: 'groupid' | 'uipath', names: string[], parameters?: object,
 *   credentials?: object, nodeSettings?: object}} spec
 */
function provisioningWorkflow({
	id,
	service,
	names,
	parameters = {},
	credentials,
	nodeSettings = {},
}) {
	const base = service === 'groupid' ? groupIdNode : uiPathNode;
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-start`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-items`,
				name: 'Items',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							{
								id: `${id}-names`,
								name: 'items',
								type: 'array',
								value: `={{ ${JSON.stringify(names.map((name) => ({ name })))} }}`,
							},
						],
					},
					options: {},
				},
			},
			{
				id: `${id}-split`,
				name: 'One item per name',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [400, 0],
				parameters: { fieldToSplitOut: 'items', options: {} },
			},
			{
				id: `${id}-provision`,
				name: NODE_NAME,
				type: base.type,
				typeVersion: 1,
				position: [600, 0],
				credentials: credentials ?? base.credentials,
				parameters: { ...base.parameters, ...parameters },
				...nodeSettings,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'One item per name', type: 'main', index: 0 }]] },
			'One item per name': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
	};
}

module.exports = { provisioningWorkflow, NODE_NAME };

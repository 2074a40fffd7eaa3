// @ts-check
'use strict';
/**
 * The example workflows and the n8n credentials that point them at a running sandbox.
 * The credential IDs are the ones the example workflows in examples/ refer to.
 */
const fs = require('node:fs');
const path = require('node:path');
const { GROUPID, UIPATH } = require('../../sandbox/accounts');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
const GROUPID_CREDENTIAL_ID = 'gpSandboxGroupId';
const UIPATH_CREDENTIAL_ID = 'gpSandboxUiPathI';
/** The GroupID credential of the sandbox's Microsoft Entra ID identity store (3). */
const ENTRA_CREDENTIAL_ID = 'gpSandboxEntraId';

/** The example workflows shipped in examples/, as n8n import:workflow takes them. */
function exampleWorkflows() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.workflow.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')));
}

/**
 * Whether a workflow node is a sticky note: text on the canvas, never run, with no connections,
 * no credentials and no output.
 * @param {{type: string}} node
 */
const isStickyNote = (node) => node.type === 'n8n-nodes-base.stickyNote';

/**
 * n8n credentials for the sandbox at `sandboxUrl`. `overrides` changes fields, e.g. a wrong
 * password for the tests of failures.
 */
function sandboxCredentials(sandboxUrl, overrides = { groupId: {}, uiPath: {} }) {
	/** A GroupID credential signing in to one of the sandbox's identity stores. @param {string} id @param {string} name @param {number} identityStoreId */
	const groupIdCredential = (id, name, identityStoreId) => ({
		id,
		name,
		type: 'netwrixGroupIdApi',
		data: {
			serverUrl: sandboxUrl,
			clientId: GROUPID.clientId,
			clientSecret: GROUPID.clientSecret,
			username: GROUPID.username,
			password: GROUPID.password,
			identityStoreId,
			ignoreSslIssues: sandboxUrl.startsWith('https:'),
			...overrides.groupId,
		},
	});
	return [
		groupIdCredential(
			GROUPID_CREDENTIAL_ID,
			'Netwrix GroupID (local sandbox)',
			GROUPID.identityStoreId,
		),
		{
			id: UIPATH_CREDENTIAL_ID,
			name: 'UiPath Identity (local sandbox)',
			type: 'uiPathIdentityApi',
			data: {
				baseUrl: `${sandboxUrl}/${UIPATH.organizationName}/${UIPATH.tenantName}/`,
				authentication: 'clientCredentials',
				clientId: UIPATH.clientId,
				clientSecret: UIPATH.clientSecret,
				scopes:
					'PM.Group.Read PM.Group.Write PM.Directory PM.User PM.License.Write PM.RobotAccount',
				tokenUrl: '',
				organizationId: '',
				ignoreSslIssues: sandboxUrl.startsWith('https:'),
				...overrides.uiPath,
			},
		},
		groupIdCredential(
			ENTRA_CREDENTIAL_ID,
			'Netwrix GroupID Entra ID (local sandbox)',
			GROUPID.entraIdentityStoreId,
		),
	];
}

module.exports = {
	exampleWorkflows,
	isStickyNote,
	sandboxCredentials,
	GROUPID_CREDENTIAL_ID,
	UIPATH_CREDENTIAL_ID,
	ENTRA_CREDENTIAL_ID,
};

// @ts-check
'use strict';
/**
 * The onboarding job of the end-to-end, queue-mode and benchmark runs: a cohort of people, one n8n
 * item each, every person added to one of 25 department groups, every other one given by user ID
 * (GroupID: object GUID) and the others by email, so that any slice of the cohort has both. The people are the sandbox's generated users
 * (`extraUsers`), so the sandbox must hold at least ONBOARDING.people of them.
 */
const { generatedGroupIdUser, generatedUiPathUser } = require('../../sandbox/generatedUsers');
const { GROUPID_CREDENTIAL_ID, UIPATH_CREDENTIAL_ID } = require('./sandboxSetup');

const ONBOARDING = Object.freeze({
	people: 1000,
	groupNames: Object.freeze(
		Array.from({ length: 25 }, (_, i) => `Onboarding-${String(i + 1).padStart(2, '0')}`),
	),
	/** The sandbox's rate-limit windows, and the node's: Automation Cloud's 5 minutes × 0.02 = 6 s. */
	timeScale: 0.02,
});

/**
 * Person k (1 … people) of a cohort, with the group they join and how each service knows them.
 * @param {number} [people]
 */
function cohort(people = ONBOARDING.people) {
	return Array.from({ length: people }, (_, index) => {
		const k = index + 1;
		const groupIdUser = generatedGroupIdUser(k);
		const uiPathUser = generatedUiPathUser(k);
		return {
			k,
			groupName: ONBOARDING.groupNames[index % ONBOARDING.groupNames.length],
			/** Every other person is given by email, the others by ID. */
			byEmail: k % 2 === 0,
			groupIdGuid: groupIdUser.objectGUID,
			groupIdEmail: groupIdUser.mail,
			uiPathId: uiPathUser.identifier,
			uiPathEmail: uiPathUser.email,
		};
	});
}

/**
 * The node's Options for a paced UiPath run: the sandbox's scaled Automation Cloud windows, shared
 * by `processes` n8n processes.
 * @param {{timeScale?: number, processes?: number}} [settings]
 */
function pacedUiPathOptions({ timeScale = ONBOARDING.timeScale, processes = 1 } = {}) {
	return {
		rateLimits: 'custom',
		customRateLimits: {
			limits: {
				getPerWindow: 300,
				postPerWindow: 24000,
				putPerWindow: 160,
				patchPerWindow: 160,
				deletePerWindow: 160,
				windowSeconds: 300 * timeScale,
			},
		},
		sharingProcesses: processes,
	};
}

/**
 * The membership node that adds one item's person to its group.
 * @param {'groupid'|'uipath'} service @param {'ids'|'emails'} by @param {object} options
 */
function addMembersNode(service, by, options) {
	if (service === 'uipath') {
		return {
			type: 'n8n-nodes-group-provisioning.uiPathIdentity',
			typeVersion: 1.1,
			credentials: {
				uiPathIdentityApi: { id: UIPATH_CREDENTIAL_ID, name: 'UiPath Identity (local sandbox)' },
			},
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: { __rl: true, mode: 'id', value: '={{ $json.groupName.toLowerCase() }}' },
				membersAre: by === 'ids' ? 'ids' : 'names',
				membersInput: 'text',
				memberIds: by === 'ids' ? '={{ $json.uiPathId }}' : '={{ $json.uiPathEmail }}',
				options,
			},
		};
	}
	return {
		type: 'n8n-nodes-group-provisioning.netwrixGroupId',
		typeVersion: 1.1,
		credentials: {
			netwrixGroupIdApi: { id: GROUPID_CREDENTIAL_ID, name: 'Netwrix GroupID (local sandbox)' },
		},
		parameters: {
			resource: 'group',
			operation: 'addMembers',
			group: { __rl: true, mode: 'name', value: '={{ $json.groupName }}' },
			membersInput: 'text',
			memberText: by === 'ids' ? '={{ $json.groupIdGuid }}' : '={{ $json.groupIdEmail }}',
			options,
		},
	};
}

/**
 * A workflow that onboards the cohort on one service: a trigger, the people given by ID and those
 * given by email (two Code nodes), each into its own Add Members node ("Add by ID", "Add by Email").
 * With `webhookPath`, a Webhook trigger whose body's `from`/`to` choose a slice of the cohort (for
 * queue mode, where each request runs on a worker); otherwise a manual trigger for the whole cohort.
 * @param {'groupid'|'uipath'} service
 * @param {{id?: string, webhookPath?: string, options?: object, people?: number}} [settings]
 */
function onboardingWorkflow(
	service,
	{ id, webhookPath, options, people = ONBOARDING.people } = {},
) {
	const workflowId = id ?? (service === 'uipath' ? 'gpOnboardingUiPath' : 'gpOnboardingGroupId');
	const nodeOptions = options ?? (service === 'uipath' ? pacedUiPathOptions() : {});
	const trigger = webhookPath
		? {
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: `${workflowId}-hook`,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					options: {},
				},
			}
		: { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
	// The Code nodes make the cohort in n8n, from the same rule as cohort() above.
	const slice = webhookPath ? '$input.first().json.body' : `{ from: 1, to: ${people} }`;
	const cohortCode = (byEmail) => `
const { from, to } = ${slice};
const pad = (k, width) => String(k).padStart(width, '0');
const groups = ${JSON.stringify(ONBOARDING.groupNames)};
const people = [];
for (let k = from; k <= to; k++) {
  if ((k % 2 === 0) !== ${byEmail}) continue;
  const name = 'user' + pad(k, 5);
  people.push({ json: {
    k,
    groupName: groups[(k - 1) % groups.length],
    groupIdGuid: '00000000-0000-4000-8000-' + pad(k, 12),
    groupIdEmail: name + '@demo.local',
    uiPathId: '00000000-0000-4000-9000-' + pad(k, 12),
    uiPathEmail: name + '@example.com',
  } });
}
return people;`;
	const node = (name, position, spec) => ({
		id: `${workflowId}-${name.replace(/\W/g, '')}`,
		name,
		position,
		...spec,
	});
	return {
		id: workflowId,
		name: `Onboarding (${service === 'uipath' ? 'UiPath Identity' : 'Netwrix GroupID'})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('Start', [0, 100], trigger),
			node('People by ID', [220, 0], {
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: { jsCode: cohortCode(false) },
			}),
			node('People by Email', [220, 200], {
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: { jsCode: cohortCode(true) },
			}),
			node('Add by ID', [440, 0], addMembersNode(service, 'ids', nodeOptions)),
			node('Add by Email', [440, 200], addMembersNode(service, 'emails', nodeOptions)),
		],
		connections: {
			Start: {
				main: [
					[
						{ node: 'People by ID', type: 'main', index: 0 },
						{ node: 'People by Email', type: 'main', index: 0 },
					],
				],
			},
			'People by ID': { main: [[{ node: 'Add by ID', type: 'main', index: 0 }]] },
			'People by Email': { main: [[{ node: 'Add by Email', type: 'main', index: 0 }]] },
		},
	};
}

module.exports = { ONBOARDING, cohort, onboardingWorkflow, pacedUiPathOptions };

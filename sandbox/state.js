// @ts-check
'use strict';

/**
 * The sandbox's in-memory state, shared by the service modules, the control API and server.js.
 * One per startSandbox() call.
 */

const { createDirectories } = require('./directories');
const { UIPATH } = require('./accounts');

/** @typedef {'groupid'|'uipath'} Service */

/**
 * A member of a GroupID group (a directory user), as kept in the state.
 * @typedef {object} GroupIdMember
 * @property {string} objectGUID
 * @property {string} distinguishedName
 * @property {string} sAMAccountName
 * @property {string} displayName
 * @property {string} mail
 * @property {number|null} membershipType  joinType.MembershipType of JoinOnBehalf (null: added by a Smart Group update)
 * @property {string|null} startDate       joinType.StartDate (null when absent or 0001-01-01)
 * @property {string|null} endDate         joinType.EndDate: a temporary membership ends then (null: permanent)
 */

/**
 * A GroupID group (Smart or static). `sb.groups.groupid` and `GET /__sandbox/state` show these objects.
 * @typedef {object} GroupIdGroup
 * @property {string} id                 objectGUID
 * @property {number} identityStoreId
 * @property {string} name
 * @property {string} container
 * @property {string|null} criteria      IMSGCriteria (null for a static group)
 * @property {string} createdAt          ISO timestamp
 * @property {'smart'|'static'} type
 * @property {string} distinguishedName  CN=<name>,<container>
 * @property {boolean} expired
 * @property {string|null} expirationDate ISO timestamp of the expiry (null while active)
 * @property {string} modifiedAt         ISO timestamp
 * @property {string|null} lastUpdatedAt ISO timestamp of the last Smart Group update (null: never run)
 * @property {GroupIdMember[]} members
 * @property {Record<string, string|string[]>} values attribute values given at create and by PATCH (well-known names in one
 *   spelling, e.g. GroupType → groupType; others as first given); one value: a string
 * @property {{path: string, scope: string}[]} startPaths IMSGStartPath of a Smart Group
 * @property {unknown} [attributes]      the create request's AttributesCollection (only with recordBodies)
 */

/**
 * A UiPath local group. `sb.groups.uipath` and `GET /__sandbox/state` show these objects.
 * @typedef {object} UiPathGroup
 * @property {string} partitionGlobalId
 * @property {string} id
 * @property {string} name
 * @property {string} displayName
 * @property {number} type
 * @property {string} creationTime
 * @property {string|null} lastModificationTime
 * @property {Readonly<import('./accounts').DirectoryUser>[]} members
 */

/**
 * A UiPath robot account. `GET /__sandbox/state` shows these objects.
 * @typedef {object} UiPathRobotAccount
 * @property {string} id
 * @property {string} name
 * @property {string} displayName
 * @property {string} creationTime
 * @property {string} lastModificationTime
 * @property {string[]} groupIds
 */

/**
 * @typedef {object} RecordedRequest
 * @property {number} id            1, 2, 3… in arrival order (restarts after reset)
 * @property {string} method
 * @property {string} path          URL path without the query string
 * @property {Record<string, string|string[]>} query
 * @property {import('node:http').IncomingHttpHeaders} headers lower-case names
 * @property {unknown} body         parsed form object, parsed JSON, raw string, or null (empty / recordBodies:false)
 * @property {string|null} rawBody
 * @property {string} receivedAt    ISO timestamp
 * @property {Service|null} service
 * @property {string|null} endpoint e.g. 'groupid.getGroup' (see the route tables in sandbox/groupid/index.js and sandbox/uipath/index.js); null for unknown paths
 * @property {number|null} status   response status once sent (null while pending or for 'reset' faults)
 * @property {string|null} fault    'failNext' | 'malformedNext' | null
 * @property {GroupSummary[]} [stateAfter] the service's groups once the request was answered (option recordStates)
 */

/**
 * A group in short, as `stateAfter` records it: GroupID members by sAMAccountName, UiPath members by identifier,
 * both sorted.
 * @typedef {{id: string, name: string, members: string[], type?: string, expired?: boolean, description?: string|null}} GroupSummary
 */

/** @typedef {{service: Service, expiresAt: number, identityStoreId?: string, client?: string}} AccessToken */

/**
 * A GroupID workflow (approval) request the sandbox queued (see groupid/workflows.js).
 * @typedef {object} WorkflowRequest
 * @property {number} id                 workflowRequestId: 1, 2, 3… (restarts after reset)
 * @property {string} storeId
 * @property {'join'|'leave'|'create'} kind
 * @property {string} createdOn          ISO timestamp
 * @property {string} statusUpdatedOn    ISO timestamp
 * @property {{statusId: number, description: string}} status  Pending, Approved or Denied
 * @property {string|null} reason        a denial's reason
 * @property {string|null} targetObject  the group's GUID (a join or leave)
 * @property {string} objectName
 * @property {string} container
 * @property {{name: string, value: string|null, oldValue: string|null}} field
 * @property {{kind: 'join'|'leave', groupId: string, userGuid: string, how: {membershipType: number|null, startDate: string|null, endDate: string|null}}
 *   | {kind: 'create', group: GroupIdGroup}} change  what approving does
 */

/** @param {number} [extraUsers] generated users in each service's directory (see directories.js) */
function createState(extraUsers = 0) {
	const state = {
		/** Each service's directory of users: the sample users and the generated ones. */
		directory: createDirectories(extraUsers),
		/** @type {RecordedRequest[]} */
		requests: [],
		/** API requests received since start/reset (including those no longer kept). */
		requestCount: 0,
		groups: {
			groupid: /** @type {GroupIdGroup[]} */ ([]),
			uipath: /** @type {UiPathGroup[]} */ ([]),
		},
		tokensIssued: { groupid: 0, uipath: 0 },
		/** @type {Array<{service: Service, client: string|undefined, at: string}>} */
		tokenRequests: [],
		/** GroupID approval: which changes each store routes to a workflow request (control API), and the requests. */
		workflow: {
			/** @type {Map<string, {joins: boolean, leaves: boolean, creates: boolean}>} */
			routing: new Map(),
			/** @type {WorkflowRequest[]} */
			requests: [],
			nextId: 1,
		},
		/** GroupID Smart Group updates run (their task ids are 1, 2, 3…). */
		groupIdTaskCount: 0,
		/** GroupID groups by lower-case objectGUID. */
		groupIdById: /** @type {Map<string, GroupIdGroup>} */ (new Map()),
		/** GroupID groups by identity store id, then lower-case name. */
		groupIdByName: /** @type {Map<string, Map<string, GroupIdGroup>>} */ (new Map()),
		/** UiPath groups by id (case-sensitive, as given). */
		uipathById: /** @type {Map<string, UiPathGroup>} */ (new Map()),
		/** UiPath groups by lower-case name. */
		uipathByName: /** @type {Map<string, UiPathGroup>} */ (new Map()),
		/** UiPath directory users deleted (DELETE …/User/{userId}), by identifier: gone from every answer until reset. */
		uipathDeletedUsers: /** @type {Set<string>} */ (new Set()),
		/** UiPath robot accounts, in creation order. */
		uipathRobotAccounts: /** @type {UiPathRobotAccount[]} */ ([]),
		/**
		 * UiPath user licences: what the organization bought per user bundle code, and the codes allocated to each group
		 * (group id → codes; each group holding a code takes one unit of it).
		 */
		uipathLicenses: {
			purchased: /** @type {Map<string, number>} */ (
				new Map(Object.entries(UIPATH.purchasedLicenses))
			),
			groups: /** @type {Map<string, string[]>} */ (new Map()),
		},
		/**
		 * Access tokens: GroupID opaque token → entry; UiPath JWT `jti` → entry.
		 * Kept across reset() so that clients holding a token keep working.
		 * @type {Map<string, AccessToken>}
		 */
		accessTokens: new Map(),
		/** @type {Map<string, {expiresAt: number, identityStoreId: string}>} */
		refreshTokens: new Map(),

		/** Forgets expired tokens once there are many (long benchmarks). */
		pruneTokens() {
			if (state.accessTokens.size < 50000) return;
			const now = Date.now();
			for (const [k, v] of state.accessTokens) if (v.expiresAt <= now) state.accessTokens.delete(k);
			for (const [k, v] of state.refreshTokens)
				if (v.expiresAt <= now) state.refreshTokens.delete(k);
		},

		/**
		 * Keeps an access token and counts it, with who asked for it.
		 * @param {string} key @param {AccessToken} entry
		 */
		issueToken(key, entry) {
			state.pruneTokens();
			state.accessTokens.set(key, entry);
			state.tokensIssued[entry.service] += 1;
			state.tokenRequests.push({
				service: entry.service,
				client: entry.client,
				at: new Date().toISOString(),
			});
		},

		/**
		 * Every access token of `service` issued to `client` expires now; returns how many did.
		 * @param {string} client @param {Service} service
		 */
		expireTokensOf(client, service) {
			const now = Date.now();
			let expired = 0;
			for (const entry of state.accessTokens.values()) {
				if (entry.client === client && entry.service === service && entry.expiresAt > now) {
					entry.expiresAt = now;
					expired++;
				}
			}
			return expired;
		},

		/** Every access token issued so far expires now. */
		expireIssuedTokens() {
			const now = Date.now();
			for (const entry of state.accessTokens.values())
				if (entry.expiresAt > now) entry.expiresAt = now;
		},

		/**
		 * The service's groups in short, in creation order.
		 * @param {Service} service @returns {GroupSummary[]}
		 */
		summary(service) {
			if (service === 'uipath') {
				return state.groups.uipath.map((g) => ({
					id: g.id,
					name: g.name,
					members: g.members.map((m) => m.identifier).sort(),
				}));
			}
			return state.groups.groupid.map((g) => ({
				id: g.id,
				name: g.name,
				type: g.type,
				expired: g.expired,
				description: typeof g.values.description === 'string' ? g.values.description : null,
				members: g.members.map((m) => m.sAMAccountName).sort(),
			}));
		},

		/**
		 * Clears requests, groups and token counts, and takes the directories back to the generated users the sandbox
		 * started with (not the tokens themselves, nor faults: see faults.js).
		 */
		reset() {
			state.requests.length = 0;
			state.requestCount = 0;
			state.groups.groupid.length = 0;
			state.groups.uipath.length = 0;
			state.groupIdById.clear();
			state.groupIdByName.clear();
			state.uipathById.clear();
			state.uipathByName.clear();
			state.uipathDeletedUsers.clear();
			state.uipathRobotAccounts.length = 0;
			state.uipathLicenses.groups.clear();
			state.uipathLicenses.purchased = new Map(Object.entries(UIPATH.purchasedLicenses));
			state.tokensIssued.groupid = 0;
			state.tokensIssued.uipath = 0;
			state.tokenRequests.length = 0;
			state.groupIdTaskCount = 0;
			state.workflow.routing.clear();
			state.workflow.requests.length = 0;
			state.workflow.nextId = 1;
			state.directory.reset();
		},
	};
	return state;
}

/** @typedef {ReturnType<typeof createState>} State */

module.exports = { createState };

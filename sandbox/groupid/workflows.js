// @ts-check
'use strict';

/**
 * Workflow (approval) requests: a per-store setting (control API, `POST /__sandbox/workflow`) routes joins, leaves
 * and creates to a queue instead of making them, and the documented Workflows endpoints read and decide the queue:
 *   GET D/Workflows/Pending (JSON body {pageIndex, pageSize, …}) → {total, data}; GET D/Workflows/MyRequests → [..];
 *   GET D/Workflows?ids=1 (repeated or comma-separated) → [..]; POST D/Workflows/Approve {workflowRequestID};
 *   POST D/Workflows/Deny {workflowRequestID, reason}; DELETE D/Workflows/{WorkflowRequestID} → true.
 *
 * Where the documentation is silent, the sandbox's choices (the node reads them as docs/netwrix-groupid.md says):
 * - a queued change answers success (status 0) with the message "Workflow request <id> was created: the change waits
 *   for approval." at the top and in its one detail, and the request's ID in `data` (the documented answers show no
 *   queued case);
 * - statusId 1 "Pending" (documented), 2 "Approved", 3 "Denied" (not documented);
 * - a join's or leave's request targets the group (targetObject = its GUID, objectName = its name) with one field
 *   `member` (value: the user's DN; a leave's DN is the oldValue); a create's, the group's name in the field `name`;
 * - approving makes the change then (a join of a user already in the group, or a create whose name was taken since,
 *   fails: HTTP 200, status 1); approving or denying a request that is not pending: HTTP 200, status 1, "Workflow
 *   request <id> is already <approved|denied>."; an unknown ID: 404; Delete of an unknown ID answers false;
 * - a second identical join or leave while one is pending answers that same request again.
 */

const crypto = require('node:crypto');
const { isObject, nonEmptyString } = require('../http');
const { envelope, detail, failure, fail } = require('./envelope');
const { gate, storeBody, jsonBody } = require('./checks');
const { prop } = require('./input');
const { addGroup, namesOf, touch, memberEntry } = require('./store');
const { groupIdMembers } = require('../memberIndex');
const { GROUPID } = require('../accounts');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */
/** @typedef {import('../state').GroupIdGroup} Group */
/** @typedef {import('../accounts').GroupIdUser} User */
/** @typedef {import('../state').WorkflowRequest} WorkflowRequest */

/** The sandbox account's object GUID, as the requester and approver of every request. */
const PROVISIONER = 'e4fbe0f3-8b8d-4cd0-8c4f-07c6f12a4743';
const STATUS = {
	pending: { statusId: 1, description: 'Pending' },
	approved: { statusId: 2, description: 'Approved' },
	denied: { statusId: 3, description: 'Denied' },
};
const ROUTES = {
	join: { workflowRouteId: 4, name: 'Workflow to Join a Group' },
	leave: { workflowRouteId: 5, name: 'Workflow to Leave a Group' },
	create: { workflowRouteId: 11, name: 'Workflow to Create a Group' },
};

/** Whether the store routes this kind of change to approval. @param {GroupIdContext} ctx @param {string} storeId @param {'joins'|'leaves'|'creates'} kind */
function routesToApproval(ctx, storeId, kind) {
	return ctx.state.workflow.routing.get(storeId)?.[kind] === true;
}

/** The queued answer (see above). @param {number} id @returns {Reply} */
function queuedAnswer(id) {
	const message = `Workflow request ${id} was created: the change waits for approval.`;
	return {
		status: 200,
		body: envelope({
			currentDirectoryServer: null,
			message,
			data: id,
			details: [envelope({ currentDirectoryServer: null, message, data: id })],
		}),
	};
}

/**
 * Queues a join or a leave (answering a pending identical one instead of a second).
 * @param {GroupIdContext} ctx @param {'join'|'leave'} kind @param {Group} g @param {User} user
 * @param {{membershipType: number|null, startDate: string|null, endDate: string|null}} how @returns {Reply}
 */
function queueMembership(ctx, kind, g, user, how) {
	const same = ctx.state.workflow.requests.find(
		(r) =>
			r.status === STATUS.pending &&
			r.change.kind === kind &&
			r.change.groupId === g.id &&
			r.change.userGuid === user.objectGUID,
	);
	if (same) return queuedAnswer(same.id);
	const request = newRequest(ctx, String(g.identityStoreId), kind, {
		targetObject: g.id,
		objectName: g.name,
		container: g.container,
		field:
			kind === 'join'
				? { name: 'member', value: user.distinguishedName, oldValue: null }
				: { name: 'member', value: null, oldValue: user.distinguishedName },
		change: { kind, groupId: g.id, userGuid: user.objectGUID, how },
	});
	return queuedAnswer(request.id);
}

/** Queues a create: the group is added when the request is approved. @param {GroupIdContext} ctx @param {Group} group @returns {Reply} */
function queueCreate(ctx, group) {
	const request = newRequest(ctx, String(group.identityStoreId), 'create', {
		targetObject: null,
		objectName: group.name,
		container: group.container,
		field: { name: 'name', value: group.name, oldValue: null },
		change: { kind: 'create', group },
	});
	return queuedAnswer(request.id);
}

/**
 * @param {GroupIdContext} ctx @param {string} storeId @param {'join'|'leave'|'create'} kind
 * @param {{targetObject: string|null, objectName: string, container: string, field: {name: string, value: string|null, oldValue: string|null},
 *   change: WorkflowRequest['change']}} p
 */
function newRequest(ctx, storeId, kind, p) {
	const workflow = ctx.state.workflow;
	/** @type {WorkflowRequest} */
	const request = {
		id: workflow.nextId++,
		storeId,
		kind,
		createdOn: new Date().toISOString(),
		statusUpdatedOn: new Date().toISOString(),
		status: STATUS.pending,
		reason: null,
		targetObject: p.targetObject,
		objectName: p.objectName,
		container: p.container,
		field: p.field,
		change: p.change,
	};
	workflow.requests.push(request);
	return request;
}

/** A request as the documented answers show it (fields in the documented order). @param {WorkflowRequest} r */
function requestView(r) {
	const route = ROUTES[r.kind];
	const store = Number(r.storeId);
	const decided = r.status !== STATUS.pending;
	return {
		workflowRequestId: r.id,
		legacyRequestId: null,
		requesterIdentityStoreID: store,
		requester: PROVISIONER,
		requesterClass: 6,
		targetObjectIdentityStoreID: store,
		targetObject: r.targetObject,
		targetObjectClass: 8,
		actualApproverIdentityStoreID: decided ? store : 0,
		actualApprover: decided ? PROVISIONER : null,
		createdOn: r.createdOn,
		workflowRouteId: route.workflowRouteId,
		statusId: r.status.statusId,
		objectName: r.objectName,
		container: r.container,
		workflowStatusDTO: { ...r.status },
		workflowRouteDTO: {
			workflowRouteId: route.workflowRouteId,
			identityStoreID: store,
			name: route.name,
			description: route.name,
			isEnabled: true,
			type: 0,
			typeDTO: null,
			event: 0,
			eventDTO: null,
			routeFieldDTOList: null,
			routeFilterDTOList: null,
			routeApproverDTOList: null,
			routeObjectDTOList: null,
			enableEmailApproval: false,
			disableApproverAcceleration: true,
			portalUrl: null,
			msFlowRequestUrl: null,
			msFlowToken: null,
			isMsFlowTemplateRouteCreated: false,
			updateMsFlowToken: false,
		},
		requestApproverDTOList: [
			{
				workflowRequestApproverId: r.id,
				approver: PROVISIONER,
				approverIdentityStoreID: store,
				workflowRequestId: r.id,
				approverType: 0,
				approverName: 'provisioner',
				approverClass: 6,
				approverIdFromIdentityStore: null,
				isDefaultApprover: false,
				parentApproverIdentity: '',
			},
		],
		fieldDTOList: [
			{
				fieldId: r.id,
				workflowRequestId: r.id,
				name: r.field.name,
				value: r.field.value,
				oldValue: r.field.oldValue,
				valueType: 2,
				fieldValueDTOList: [],
				oldFieldValueDTOList: [],
				fieldValueResolved: null,
				oldFieldValueResolved: null,
			},
		],
		objectType: 8,
		statusUpdatedOn: r.statusUpdatedOn,
		reason: r.reason,
		smartUpdateOption: null,
		jobId: null,
		description: null,
		requesterName: 'provisioner',
		actualApproverName: decided ? 'provisioner' : null,
		schedule: null,
		accelerationStatus: 4,
		currentAccelerationLevel: 0,
		maxAccelerationLevel: 3,
		whenAccelerated: r.createdOn,
		clientId: GROUPID.clientId,
		workflowRequestConfigurations: '',
	};
}

/** The store's requests, newest first (as the documented Pending sample lists them). @param {GroupIdContext} ctx @param {string} storeId */
const requestsOf = (ctx, storeId) =>
	ctx.state.workflow.requests.filter((r) => r.storeId === storeId).reverse();

/** GET D/Workflows/Pending: the pending requests, a page of them. @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply} */
function pendingRequests(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const input = jsonBody(req, true);
	if ('reply' in input) return input.reply;
	const body = isObject(input.value) ? input.value : {};
	const pageIndex = prop(body, 'pageIndex') ?? 1;
	const pageSize = prop(body, 'pageSize') ?? 10;
	if (!Number.isInteger(pageIndex) || pageIndex < 1)
		return fail(400, 'pageIndex must be a whole number from 1.');
	if (!Number.isInteger(pageSize) || pageSize < 1)
		return fail(400, 'pageSize must be a whole number from 1.');
	const pending = requestsOf(ctx, req.params.identityStoreId).filter(
		(r) => r.status === STATUS.pending,
	);
	return {
		status: 200,
		body: {
			total: pending.length,
			data: pending.slice((pageIndex - 1) * pageSize, pageIndex * pageSize).map(requestView),
		},
	};
}

/** GET D/Workflows/MyRequests: every request of the account (the sandbox's only one), pending and decided. @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply} */
function myRequests(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	return { status: 200, body: requestsOf(ctx, req.params.identityStoreId).map(requestView) };
}

/** GET D/Workflows?ids=: the requests of those IDs that exist, in the order asked. @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply} */
function requestsByIds(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const ids = req.query
		.getAll('ids')
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter(Boolean);
	if (ids.length === 0) return fail(400, 'ids is required.');
	if (ids.some((id) => !/^\d+$/.test(id))) return fail(400, 'ids must be whole numbers.');
	const store = req.params.identityStoreId;
	const found = [...new Set(ids.map(Number))].flatMap((id) =>
		ctx.state.workflow.requests.filter((r) => r.id === id && r.storeId === store),
	);
	return { status: 200, body: found.map(requestView) };
}

/**
 * The request a decision names, pending; or the refusal.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {{reply: Reply}|{request: WorkflowRequest, body: Record<string, any>}}
 */
function decisionRequest(ctx, req) {
	const input = storeBody(ctx, req, 'identityStoreId');
	if ('reply' in input) return input;
	const raw = prop(input.body, 'workflowRequestID');
	if (!Number.isInteger(raw) || raw < 1)
		return { reply: fail(400, 'workflowRequestID must be a whole number from 1.') };
	const request = ctx.state.workflow.requests.find(
		(r) => r.id === raw && r.storeId === req.params.identityStoreId,
	);
	if (!request) return { reply: fail(404, `Workflow request ${raw} was not found.`) };
	if (request.status !== STATUS.pending) {
		return {
			reply: {
				status: 200,
				body: failure(
					`Workflow request ${raw} is already ${request.status.description.toLowerCase()}.`,
				),
			},
		};
	}
	return { request, body: input.body };
}

/** POST D/Workflows/Approve: the change is made now. @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply} */
function approveRequest(ctx, req) {
	const found = decisionRequest(ctx, req);
	if ('reply' in found) return found.reply;
	const { request } = found;
	const problem = applyChange(ctx, request);
	if (problem) return { status: 200, body: failure(problem) };
	decide(request, STATUS.approved, null);
	return {
		status: 200,
		body: envelope({
			currentDirectoryServer: null,
			data: '',
			details: [detail({ name: request.field.name, type: 8 })],
		}),
	};
}

/** POST D/Workflows/Deny: nothing changes; the reason is kept. @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply} */
function denyRequest(ctx, req) {
	const found = decisionRequest(ctx, req);
	if ('reply' in found) return found.reply;
	const reason = prop(found.body, 'reason');
	if (!nonEmptyString(reason)) return fail(400, 'Required attribute(s) missing or empty: reason.');
	decide(found.request, STATUS.denied, reason);
	return { status: 200, body: envelope({ currentDirectoryServer: null, data: '' }) };
}

/** DELETE D/Workflows/{workflowRequestId}: true, or false for an unknown ID. @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply} */
function deleteRequest(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const id = req.params.workflowRequestId;
	if (!/^\d+$/.test(id)) return fail(400, `'${id}' is not a workflow request ID.`);
	const list = ctx.state.workflow.requests;
	const index = list.findIndex(
		(r) => r.id === Number(id) && r.storeId === req.params.identityStoreId,
	);
	if (index < 0) return { status: 200, body: false };
	list.splice(index, 1);
	return { status: 200, body: true };
}

/** @param {WorkflowRequest} request @param {{statusId: number, description: string}} status @param {string|null} reason */
function decide(request, status, reason) {
	request.status = status;
	request.reason = reason;
	request.statusUpdatedOn = new Date().toISOString();
}

/** Makes an approved change; a problem's message, or undefined. @param {GroupIdContext} ctx @param {WorkflowRequest} request @returns {string|undefined} */
function applyChange(ctx, request) {
	const { change } = request;
	if (change.kind === 'create') {
		const g = change.group;
		if (namesOf(ctx, String(g.identityStoreId)).has(g.name.toLowerCase()))
			return `A group named '${g.name}' already exists in identity store ${g.identityStoreId}.`;
		addGroup(ctx, { ...g, id: crypto.randomUUID(), createdAt: new Date().toISOString() });
		return undefined;
	}
	const g = ctx.state.groupIdById.get(change.groupId);
	if (!g) return `Group '${change.groupId}' was not found.`;
	const user = ctx.state.directory.groupid.find(change.userGuid);
	if (!user) return `User '${change.userGuid}' was not found in identity store ${request.storeId}.`;
	if (change.kind === 'join') {
		if (groupIdMembers.get(g.members, user.objectGUID))
			return `'${user.displayName}' is already a member of '${g.name}'.`;
		groupIdMembers.add(g.members, memberEntry(user, change.how));
	} else if (!groupIdMembers.remove(g.members, user.objectGUID)) {
		return `'${user.displayName}' is not a member of '${g.name}'.`;
	}
	touch(g);
	return undefined;
}

/**
 * The control API's `POST /__sandbox/workflow` body: `{"identityStoreId"?: 2, "joins"?: bool, "leaves"?: bool,
 * "creates"?: bool}` merged into that store's routing. Gives the routing of every store.
 * @param {import('../state').State} state @param {Record<string, any>} body
 */
function setWorkflowRouting(state, body) {
	const storeId = String(body.identityStoreId ?? GROUPID.identityStoreId);
	const current = state.workflow.routing.get(storeId) ?? {
		joins: false,
		leaves: false,
		creates: false,
	};
	for (const kind of /** @type {const} */ (['joins', 'leaves', 'creates'])) {
		if (body[kind] === undefined) continue;
		if (typeof body[kind] !== 'boolean') throw new Error(`${kind} must be true or false`);
		current[kind] = body[kind];
	}
	state.workflow.routing.set(storeId, current);
	return workflowView(state);
}

/** The control API's view: routing per store, and every request (as the Workflows endpoints show them). @param {import('../state').State} state */
function workflowView(state) {
	return {
		routing: Object.fromEntries(state.workflow.routing),
		requests: state.workflow.requests.map((r) => ({
			id: r.id,
			storeId: r.storeId,
			kind: r.kind,
			status: r.status.description,
			objectName: r.objectName,
			reason: r.reason,
		})),
	};
}

module.exports = {
	routesToApproval,
	queueMembership,
	queueCreate,
	pendingRequests,
	myRequests,
	requestsByIds,
	approveRequest,
	denyRequest,
	deleteRequest,
	setWorkflowRouting,
	workflowView,
};

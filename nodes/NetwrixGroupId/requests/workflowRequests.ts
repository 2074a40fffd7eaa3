import { checkChoice, checkPositiveInteger, requireText } from '../../shared/fieldChecks';
import type { ApiRequest } from '../../shared/transport/sendRequest';
import { checkIdentityStoreId } from './attributeValues';
import { dataServicePath } from './groupTarget';

/**
 * Workflow (approval) requests: Directory Manager 11.1's documented Workflows endpoints under
 * `…/IdentityStores/{id}/Workflows`. Pure builders and readers.
 *
 * - Get Pending Requests: `GET …/Workflows/Pending` with a JSON body `{pageIndex, pageSize,
 *   filterCriteria, getRecent, totalFound, sortOrder}`; answer `{total, data: [request]}`.
 * - Get My Requests: `GET …/Workflows/MyRequests`, no body; answer a bare array of requests.
 * - Get Workflow Requests: `GET …/Workflows?ids=1`; answer a bare array.
 * - Approve: `POST …/Workflows/Approve` `{"workflowRequestID": 3}`; Deny: `POST …/Workflows/Deny`
 *   `{"workflowRequestID": 4, "reason": "…"}`; both answer GroupID's envelope.
 * - Delete: `DELETE …/Workflows/{WorkflowRequestID}`; answer `true`.
 */

/** Which list Get Many reads. */
export const WORKFLOW_LISTS = ['pending', 'mine'] as const;
export type WorkflowList = (typeof WORKFLOW_LISTS)[number];

/** Several IDs are sent in one Get (`ids` repeated); at most this many per request. */
export const WORKFLOW_IDS_PER_REQUEST = 50;

/** A workflow request's ID: a whole number of 1 or more (the documented samples show 1 to 4). Pure; throws InvalidFieldError. */
export function checkWorkflowRequestId(raw: unknown, field = 'Request ID'): number {
	return checkPositiveInteger(field, raw);
}

/** Which list to read, checked. Pure. */
export function checkWorkflowList(raw: unknown): WorkflowList {
	return checkChoice('Which', raw, WORKFLOW_LISTS);
}

function workflowsPath(identityStoreId: number, suffix = ''): string {
	return dataServicePath(identityStoreId, `/Workflows${suffix}`);
}

/**
 * One page of Get Pending Requests. The documented sample's keys, in its order, without its
 * `filterCriteria` (a filter on the route's description) and `sortOrder` (the placeholder
 * "string"): every pending request, in GroupID's order. `getRecent` is not explained; the sample
 * sends true, and false is sent so that older requests are not left out (a choice).
 */
export function pendingRequestsPage(
	identityStoreId: number,
	pageIndex: number,
	pageSize: number,
): ApiRequest {
	return {
		method: 'GET',
		path: workflowsPath(identityStoreId, '/Pending'),
		body: { pageIndex, pageSize, getRecent: false, totalFound: 0 },
	};
}

/** Get My Requests: the requests the credential's account made. No paging is documented. */
export function myRequestsRequest(identityStoreId: number): ApiRequest {
	return { method: 'GET', path: workflowsPath(identityStoreId, '/MyRequests') };
}

/**
 * Get Workflow Requests for several IDs: `?ids=` repeated, once per ID (the documentation shows
 * one; how it takes several is not documented: repeating the parameter is a choice).
 */
export function workflowRequestsByIds(identityStoreId: number, ids: number[]): ApiRequest {
	return {
		method: 'GET',
		path: workflowsPath(identityStoreId, `?${ids.map((id) => `ids=${id}`).join('&')}`),
	};
}

/** What Approve, Deny and Delete act on: the request's ID in the credential's store. */
export interface WorkflowDecision {
	identityStoreId: number;
	workflowRequestId: number;
}

export type WorkflowAction = 'approve' | 'deny' | 'delete';

/** Approve, Deny (with its reason) or Delete one request. Pure; throws InvalidFieldError naming the field. */
export function buildWorkflowDecision(
	action: WorkflowAction,
	fields: { workflowRequestId: unknown; reason?: unknown },
	defaults: { identityStoreId: number },
): WorkflowDecision & ApiRequest {
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const workflowRequestId = checkWorkflowRequestId(fields.workflowRequestId);
	switch (action) {
		case 'approve':
			return {
				identityStoreId,
				workflowRequestId,
				method: 'POST',
				path: workflowsPath(identityStoreId, '/Approve'),
				body: { workflowRequestID: workflowRequestId },
			};
		case 'deny':
			return {
				identityStoreId,
				workflowRequestId,
				method: 'POST',
				path: workflowsPath(identityStoreId, '/Deny'),
				body: {
					workflowRequestID: workflowRequestId,
					reason: requireText('Reason', fields.reason, { maxLength: 1024 }),
				},
			};
		case 'delete':
			return {
				identityStoreId,
				workflowRequestId,
				method: 'DELETE',
				path: workflowsPath(identityStoreId, `/${workflowRequestId}`),
			};
	}
}

/** A workflow request as GroupID lists it (the documented fields this package reads; the rest pass through). */
export interface WorkflowRequestObject {
	workflowRequestId?: unknown;
	statusId?: unknown;
	workflowStatusDTO?: { statusId?: unknown; description?: unknown } | null;
	[field: string]: unknown;
}

/** The documented status of a request waiting for a decision: `statusId` 1, "Pending". */
export const PENDING_STATUS_ID = 1;

/** The requests in an answer: a bare array (My Requests, Get by IDs) or `{total, data}` (Pending). Undefined when neither. Pure. */
export function readWorkflowList(
	answer: unknown,
): { requests: WorkflowRequestObject[]; total?: number } | undefined {
	const isRequest = (value: unknown): value is WorkflowRequestObject =>
		typeof value === 'object' && value !== null && !Array.isArray(value);
	if (Array.isArray(answer)) return { requests: answer.filter(isRequest) };
	if (
		typeof answer === 'object' &&
		answer !== null &&
		Array.isArray((answer as { data?: unknown }).data)
	) {
		const { data, total } = answer as { data: unknown[]; total?: unknown };
		return { requests: data.filter(isRequest), ...(typeof total === 'number' ? { total } : {}) };
	}
	return undefined;
}

/** A request's ID as a number, or undefined. Pure. */
export function requestIdOf(request: WorkflowRequestObject): number | undefined {
	const id = Number(request.workflowRequestId);
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * A request's status in words: the documented `workflowStatusDTO.description` ("Pending"), else
 * "Pending" for the documented `statusId` 1, else "status <id>" (the other IDs are not documented).
 */
export function statusOf(request: WorkflowRequestObject): string {
	const description = request.workflowStatusDTO?.description;
	if (typeof description === 'string' && description.trim() !== '') return description.trim();
	const id = request.statusId ?? request.workflowStatusDTO?.statusId;
	return Number(id) === PENDING_STATUS_ID ? 'Pending' : `status ${String(id)}`;
}

/** Whether a request still waits for a decision. Pure. */
export function isPending(request: WorkflowRequestObject): boolean {
	const description = request.workflowStatusDTO?.description;
	if (typeof description === 'string' && description.trim() !== '')
		return description.trim().toLowerCase() === 'pending';
	return Number(request.statusId ?? request.workflowStatusDTO?.statusId) === PENDING_STATUS_ID;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An approver's name: the documented samples put it in `approver` (Pending) or in `approverName`
 * (My Requests), the GUID in the other; the one that is not a GUID, else whichever is given.
 */
function approverName(approver: Record<string, unknown>): string | null {
	const given = [approver.approverName, approver.approver].filter(
		(value): value is string => typeof value === 'string' && value.trim() !== '',
	);
	return given.find((value) => !GUID.test(value)) ?? given[0] ?? null;
}

/**
 * The simplified form of a request: its ID, status, who asked, what it changes and when, and the
 * fields it changes (name, new value, old value). Every other field stays in the full form. Pure.
 */
export function simplifyWorkflowRequest(request: WorkflowRequestObject): Record<string, unknown> {
	const text = (value: unknown) =>
		typeof value === 'string'
			? value
			: value === null || value === undefined
				? null
				: String(value);
	const fields = Array.isArray(request.fieldDTOList)
		? (request.fieldDTOList as Array<Record<string, unknown>>)
		: [];
	const approvers = Array.isArray(request.requestApproverDTOList)
		? (request.requestApproverDTOList as Array<Record<string, unknown>>)
		: [];
	return {
		workflowRequestId: requestIdOf(request) ?? null,
		status: statusOf(request),
		pending: isPending(request),
		objectName: text(request.objectName),
		targetObject: text(request.targetObject),
		requester: text(request.requesterName),
		createdOn: text(request.createdOn),
		statusUpdatedOn: text(request.statusUpdatedOn),
		route: text((request.workflowRouteDTO as { name?: unknown } | null | undefined)?.name),
		approvers: approvers.map(approverName).filter((name): name is string => name !== null),
		actualApprover: text(request.actualApproverName),
		reason: text(request.reason),
		changes: fields.map((field) => ({
			field: text(field.name),
			value: text(field.value),
			oldValue: text(field.oldValue),
		})),
	};
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { checkBoolean, checkChoice } from '../../shared/fieldChecks';
import type {
	ItemOutcome,
	Operation,
	OperationListing,
	PreparedItem,
	SendUnit,
} from '../../shared/operation';
import { sendOneUnit } from '../../shared/unitsByGroup';
import { apiError, type RequestContext } from '../../shared/transport/apiErrors';
import { summarizeBody } from '../../shared/transport/httpFailure';
import {
	buildWorkflowDecision,
	isPending,
	readWorkflowList,
	requestIdOf,
	simplifyWorkflowRequest,
	statusOf,
	WORKFLOW_IDS_PER_REQUEST,
	workflowRequestsByIds,
	type WorkflowAction,
	type WorkflowDecision,
	type WorkflowRequestObject,
} from '../requests/workflowRequests';
import type { ApiRequest } from '../../shared/transport/sendRequest';
import {
	groupIdRead,
	groupIdRequest,
	groupIdWriteValue,
	type GroupIdConnection,
} from '../transport';

/** The Request ID field of Get, Approve, Deny and Delete. */
export const requestIdProperty: INodeProperties = {
	displayName: 'Request ID',
	name: 'workflowRequestId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 7',
	description:
		"The workflow request's ID (workflowRequestId), as Get Many or a queued Add Members outputs it",
};

/** A list of workflow requests out of an answer; an answer that holds none fails the item. */
export async function readWorkflowRequests(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
): Promise<{ requests: WorkflowRequestObject[]; total?: number }> {
	const answer = await groupIdRead(context, connection, request, itemIndex);
	const list = readWorkflowList(answer);
	if (list === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			'GroupID answered without a list of workflow requests',
			{
				itemIndex,
				description: `Its answer: ${summarizeBody(answer)}`,
			},
		);
	}
	return list;
}

/** The requests of these IDs, by ID, read with the documented Get Workflow Requests, a few IDs per request. */
export async function readRequestsByIds(
	context: RequestContext,
	connection: GroupIdConnection,
	identityStoreId: number,
	ids: number[],
	itemIndex: number,
): Promise<Map<number, WorkflowRequestObject>> {
	const found = new Map<number, WorkflowRequestObject>();
	const distinct = [...new Set(ids)];
	for (let start = 0; start < distinct.length; start += WORKFLOW_IDS_PER_REQUEST) {
		const chunk = distinct.slice(start, start + WORKFLOW_IDS_PER_REQUEST);
		const { requests } = await readWorkflowRequests(
			context,
			connection,
			workflowRequestsByIds(identityStoreId, chunk),
			itemIndex,
		);
		for (const request of requests) {
			const id = requestIdOf(request);
			if (id !== undefined && chunk.includes(id) && !found.has(id)) found.set(id, request);
		}
	}
	return found;
}

/** A request as output: simplified, or as GroupID sent it. */
export function requestOutput(request: WorkflowRequestObject, simplify: boolean): IDataObject {
	return (simplify ? simplifyWorkflowRequest(request) : request) as IDataObject;
}

export function readSimplify(context: IExecuteFunctions, itemIndex: number): boolean {
	return checkBoolean('Simplify', context.getNodeParameter('simplify', itemIndex, true), true);
}

/** What Get has prepared for one item. */
export interface PreparedGet {
	identityStoreId: number;
	workflowRequestId: number;
	simplify: boolean;
}

/**
 * The plan of Get: the run's items of one identity store are one unit, and their IDs, each once,
 * go to GroupID in as few requests as the documented `?ids=` allows (WORKFLOW_IDS_PER_REQUEST per
 * request). An ID GroupID does not list fails its items.
 */
export function planWorkflowGets(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<PreparedGet>>,
): SendUnit[] {
	const byStore = new Map<number, Array<PreparedItem<PreparedGet>>>();
	for (const item of items)
		byStore.set(item.prepared.identityStoreId, [
			...(byStore.get(item.prepared.identityStoreId) ?? []),
			item,
		]);
	return [...byStore.entries()].map(([identityStoreId, storeItems]) => ({
		itemIndexes: storeItems.map(({ itemIndex }) => itemIndex),
		send: async () => {
			const found = await readRequestsByIds(
				context,
				connection,
				identityStoreId,
				storeItems.map(({ prepared }) => prepared.workflowRequestId),
				storeItems[0].itemIndex,
			);
			return storeItems.map(({ prepared, itemIndex }): ItemOutcome => {
				const request = found.get(prepared.workflowRequestId);
				if (request === undefined) {
					return new NodeOperationError(
						context.getNode(),
						`GroupID has no workflow request ${prepared.workflowRequestId}`,
						{
							itemIndex,
							description:
								'It lists no request of that ID in this identity store: it may have been deleted, or the ID is wrong.',
						},
					);
				}
				return requestOutput(request, prepared.simplify);
			});
		},
	}));
}

/** What Approve, Deny and Delete do when the request was already decided, or is gone. */
export const IF_DECIDED = ['fail', 'done'] as const;
export type IfDecided = (typeof IF_DECIDED)[number];

function ifDecidedProperty(action: WorkflowAction): INodeProperties {
	const gone = action === 'delete' ? 'Is Not Found' : 'Is Already Decided or Gone';
	const flag =
		action === 'delete'
			? 'deleted: false'
			: `${action === 'approve' ? 'approved' : 'denied'}: false`;
	return {
		displayName: `If the Request ${gone}`,
		name: 'ifDecided',
		type: 'options',
		default: 'fail',
		description:
			action === 'delete'
				? 'What to do when GroupID has no such request, as when a clean-up workflow runs again'
				: 'What to do when GroupID refuses because the request was approved or denied already (someone else, an earlier run) or deleted',
		options: [
			{ name: 'Fail', value: 'fail', description: "The item fails with GroupID's words" },
			{
				name: 'Treat as Done',
				value: 'done',
				description: `The item succeeds with ${flag} and what GroupID lists of the request`,
			},
		],
	};
}

type PreparedDecision = WorkflowDecision & ApiRequest & { ifDecided: IfDecided };

/** An answer of GroupID's that refused the request (not a rate limit, nor the credential's failure). */
function isRefusal(error: unknown): boolean {
	return (
		error instanceof NodeApiError &&
		typeof error.httpCode === 'string' &&
		!['401', '403', '429'].includes(error.httpCode)
	);
}

const DONE = { approve: 'approved', deny: 'denied', delete: 'deleted' } as const;

/**
 * Approve, Deny or Delete one workflow request: one documented request, never sent twice (a
 * decision is not safe to repeat). With Treat as Done, a refusal is checked with one documented
 * Get Workflow Requests, only after the refusal: a request GroupID no longer lists, or lists as
 * decided, is done (`approved: false` and why); a request still pending fails with GroupID's
 * words. Delete's answer `true` is done; `false` or a 404 means no such request.
 */
export function workflowDecisionOperation(
	action: WorkflowAction,
	listing: Omit<OperationListing, 'value'>,
	extraProperties: INodeProperties[] = [],
): Operation<GroupIdConnection, PreparedDecision> {
	const done = DONE[action];
	return {
		listing: { value: action, ...listing },
		properties: [requestIdProperty, ...extraProperties, ifDecidedProperty(action)],
		prepare: (context, itemIndex, connection) => ({
			...buildWorkflowDecision(
				action,
				{
					workflowRequestId: context.getNodeParameter('workflowRequestId', itemIndex, ''),
					reason: action === 'deny' ? context.getNodeParameter('reason', itemIndex, '') : undefined,
				},
				{ identityStoreId: connection.identityStoreId },
			),
			ifDecided: checkChoice(
				action === 'delete'
					? 'If the Request Is Not Found'
					: 'If the Request Is Already Decided or Gone',
				context.getNodeParameter('ifDecided', itemIndex, 'fail'),
				IF_DECIDED,
			),
		}),
		async send(context, connection, request, itemIndex) {
			const base = {
				workflowRequestId: request.workflowRequestId,
				...(action === 'deny' ? { reason: (request.body as { reason: string }).reason } : {}),
			};
			if (action === 'delete') {
				let answer: unknown;
				try {
					answer = await groupIdWriteValue(context, connection, request, itemIndex);
				} catch (error) {
					// The transport's own NodeApiError, passed on unless "not found" counts as done.
					const notFoundIsDone =
						request.ifDecided === 'done' &&
						error instanceof NodeApiError &&
						error.httpCode === '404';
					// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
					if (!notFoundIsDone) throw error;
					return { ...base, deleted: false, notFound: true };
				}
				if (answer === false) {
					if (request.ifDecided === 'done') return { ...base, deleted: false, notFound: true };
					throw apiError(context.getNode(), {}, itemIndex, {
						message: `GroupID did not delete workflow request ${request.workflowRequestId}`,
						description:
							'It answered false: it has no such request in this identity store, or would not delete it.',
					});
				}
				return { ...base, deleted: true, notFound: false };
			}
			try {
				await groupIdRequest(context, connection, request, itemIndex, { idempotent: false });
			} catch (error) {
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				if (request.ifDecided !== 'done' || !isRefusal(error)) throw error;
				const found = (
					await readRequestsByIds(
						context,
						connection,
						request.identityStoreId,
						[request.workflowRequestId],
						itemIndex,
					)
				).get(request.workflowRequestId);
				// Still waiting for a decision: the refusal is about something else.
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				if (found !== undefined && isPending(found)) throw error;
				return {
					...base,
					[done]: false,
					alreadyDecided: found !== undefined,
					notFound: found === undefined,
					status: found === undefined ? null : statusOf(found),
				};
			}
			return { ...base, [done]: true, alreadyDecided: false, notFound: false, status: null };
		},
	};
}

/** Get: sent alone (an item not planned with others), as a unit of one. */
export async function sendOneGet(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	prepared: PreparedGet,
	itemIndex: number,
) {
	return await sendOneUnit(planWorkflowGets(context, connection, [{ itemIndex, prepared }]));
}

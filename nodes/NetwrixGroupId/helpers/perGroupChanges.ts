import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isCredentialFailure } from '../../shared/transport/apiErrors';
import type { ApiRequest } from '../../shared/transport/sendRequest';
import { readQueuedChange } from '../requests/queuedChange';
import type { ListedGroup } from '../requests/userGroups';
import { groupIdRequest, type GroupIdConnection } from '../transport';

/**
 * What became of one group of a user's list: changed, queued for approval (`pending`, with the
 * workflow request), left as it was (and why), or failed (GroupID's message).
 */
export interface GroupResult {
	groupGuid: string;
	name: string | null;
	distinguishedName: string | null;
	status: string;
	message: string | null;
	pending?: true;
	workflowRequestId?: number | null;
}

/**
 * Sends one write per group, one after another, and reports each group's outcome: a refused write
 * is that group's failure, in GroupID's words, and the next group is tried. A credential that
 * gets no token fails every write alike: it fails the item, naming the groups already changed.
 * Each write is safe to send twice (the user's groups were read first), so it may be retried.
 */
export async function writeEachGroup(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	itemIndex: number,
	groups: ListedGroup[],
	write: { request(group: ListedGroup): ApiRequest; done: string },
): Promise<GroupResult[]> {
	const results: GroupResult[] = [];
	for (const group of groups) {
		try {
			const envelope = await groupIdRequest(context, connection, write.request(group), itemIndex, {
				idempotent: true,
			});
			// A write GroupID queued for approval is not done yet (see readQueuedChange).
			const queued = readQueuedChange(envelope);
			results.push(
				queued
					? {
							...group,
							status: 'pending',
							message: envelope.message ?? null,
							pending: true,
							workflowRequestId: queued.workflowRequestId,
						}
					: { ...group, status: write.done, message: envelope.message ?? null },
			);
		} catch (error) {
			if (isCredentialFailure(error)) {
				const done = results
					.filter((result) => result.status === write.done)
					.map((result) => result.name ?? result.groupGuid);
				const described = error as Error & { description?: string | null };
				if (done.length > 0)
					described.description = [
						described.description,
						`Already ${write.done}: ${done.join(', ')}.`,
					]
						.filter(Boolean)
						.join(' ');
				// The transport's own NodeApiError, passed on.
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				throw error;
			}
			results.push({ ...group, status: 'failed', message: (error as Error).message });
		}
	}
	return results;
}

/** The names (or GUIDs) of the groups with this status. */
export function groupsWithStatus(results: GroupResult[], status: string): string[] {
	return results
		.filter((result) => result.status === status)
		.map((result) => result.name ?? result.groupGuid);
}

/**
 * The fields an output gains when GroupID queued some of its writes for approval, as Add Members'
 * output has them; none when it queued nothing, so that such outputs stay as they were.
 */
export function pendingFields(results: GroupResult[]): IDataObject {
	const pending = results.filter((result) => result.status === 'pending');
	if (pending.length === 0) return {};
	const ids = [
		...new Set(
			pending.flatMap((result) => (result.workflowRequestId ? [result.workflowRequestId] : [])),
		),
	];
	return {
		pending: true,
		pendingGroups: pending.map((result) => result.name ?? result.groupGuid),
		workflowRequestId: ids[0] ?? null,
		workflowRequestIds: ids,
	};
}

/** Each result as output. */
export function resultsAsOutput(results: GroupResult[]): IDataObject[] {
	return results.map((result) => ({ ...result }));
}

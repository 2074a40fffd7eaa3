import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOutcome, PreparedItem, SendUnit } from '../../shared/operation';
import { apiError } from '../../shared/transport/apiErrors';
import { describeTarget } from '../requests/groupTarget';
import {
	BULK_UPDATE_MAX_GROUPS,
	bulkSmartGroupUpdateRequest,
	bulkUpdateOutcome,
	type SmartGroupUpdateRequest,
} from '../requests/smartGroupUpdate';
import { groupIdRequest, groupIdWriteWithAnswer, type GroupIdConnection } from '../transport';

/** Run Membership Update of one Smart Group: the documented single update; its envelope's `data` is the task queued. */
export async function sendSmartGroupUpdate(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	request: SmartGroupUpdateRequest,
	itemIndex: number,
): Promise<IDataObject> {
	const envelope = await groupIdRequest(context, connection, request, itemIndex);
	return {
		queued: true,
		taskId: (envelope.data ?? null) as IDataObject[string],
		...describeTarget(request),
		identityStoreId: request.identityStoreId,
		response: envelope as unknown as IDataObject,
	};
}

/**
 * The plan of Run Membership Update: when a run updates several Smart Groups given by GUID in one
 * identity store, they go in one documented bulk update (up to BULK_UPDATE_MAX_GROUPS a request),
 * whose answer names each group, so that each item's outcome is its group's entry. A group named
 * by several items is sent once. An item given by name (the bulk body takes GUIDs only), or a
 * run's only group, is sent with the single update, as before. Units go in the order of their
 * first item.
 */
export function planSmartGroupUpdates(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<SmartGroupUpdateRequest>>,
): SendUnit[] {
	const single = ({ itemIndex, prepared }: PreparedItem<SmartGroupUpdateRequest>): SendUnit => ({
		itemIndexes: [itemIndex],
		send: async () => [await sendSmartGroupUpdate(context, connection, prepared, itemIndex)],
	});
	const units: SendUnit[] = [];
	const byStore = new Map<number, Array<PreparedItem<SmartGroupUpdateRequest>>>();
	for (const item of items) {
		if (item.prepared.identity.kind !== 'guid') units.push(single(item));
		else
			byStore.set(item.prepared.identityStoreId, [
				...(byStore.get(item.prepared.identityStoreId) ?? []),
				item,
			]);
	}
	for (const [identityStoreId, storeItems] of byStore) {
		const guids = [...new Set(storeItems.map(({ prepared }) => prepared.identity.value))];
		if (guids.length < 2) {
			units.push(...storeItems.map(single));
			continue;
		}
		for (let start = 0; start < guids.length; start += BULK_UPDATE_MAX_GROUPS) {
			const batch = new Set(guids.slice(start, start + BULK_UPDATE_MAX_GROUPS));
			const batchItems = storeItems.filter(({ prepared }) => batch.has(prepared.identity.value));
			units.push({
				itemIndexes: batchItems.map(({ itemIndex }) => itemIndex),
				send: async () =>
					await sendBulkUpdate(context, connection, identityStoreId, [...batch], batchItems),
			});
		}
	}
	return units.sort((a, b) => a.itemIndexes[0] - b.itemIndexes[0]);
}

/**
 * One bulk update, sent for its first item (so that a dry run shows it on each of its items). A
 * failure of the whole request (an HTTP error, no answer) fails every item it carried; otherwise
 * each item is its group's entry: queued with its task, or failed with the entry's message, or
 * failed because the answer has no entry for its group.
 */
async function sendBulkUpdate(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	identityStoreId: number,
	groupGuids: string[],
	items: Array<PreparedItem<SmartGroupUpdateRequest>>,
): Promise<ItemOutcome[]> {
	const request = bulkSmartGroupUpdateRequest(identityStoreId, groupGuids);
	const answer = await groupIdWriteWithAnswer(context, connection, request, items[0].itemIndex);
	return items.map(({ prepared, itemIndex }) => {
		const item = { queued: true, ...describeTarget(prepared), identityStoreId };
		// A dry run sends nothing, so there is no task.
		if (answer === undefined) return { ...item, taskId: null, response: null };
		const outcome = bulkUpdateOutcome(answer, prepared.identity.value);
		if ('failure' in outcome) {
			return apiError(context.getNode(), { httpCode: '200' }, itemIndex, {
				message: outcome.failure,
				description: `GroupID answered HTTP 200 to the update of ${groupGuids.length} Smart Groups in one request (POST ${request.path}).`,
			});
		}
		return {
			...item,
			taskId: (outcome.entry.taskID ?? null) as IDataObject[string],
			response: outcome.entry as unknown as IDataObject,
		};
	});
}

import {
	checkGroupTarget,
	dataServicePath,
	type GroupLocatorInput,
	type GroupTarget,
} from './groupTarget';
import { identitySegment, normalizeGuid } from './groupIdentity';

/**
 * Run Membership Update: GroupID re-evaluates a Smart Group's query and updates its members.
 * `POST …/IdentityStores/{id}/Groups/SmartGroups/{groupIdentity}/Update`, no body (none documented).
 * The documented answer is an envelope whose data is a number: the task GroupID queued.
 */

export interface SmartGroupUpdateRequest extends GroupTarget {
	method: 'POST';
	path: string;
}

/** Pure; throws InvalidFieldError naming the field. */
export function buildSmartGroupUpdateRequest(
	group: GroupLocatorInput,
	defaults: { identityStoreId: number },
): SmartGroupUpdateRequest {
	const target = checkGroupTarget(group, defaults, 'Smart Group');
	return {
		...target,
		method: 'POST',
		path: dataServicePath(
			target.identityStoreId,
			`/Groups/SmartGroups/${identitySegment(target.identity)}/Update`,
		),
	};
}

/**
 * The most Smart Groups one bulk update names. Netwrix documents no limit; a run with more sends
 * several bulk updates.
 */
export const BULK_UPDATE_MAX_GROUPS = 100;

/**
 * Several Smart Groups' membership updates in one request, as documented ("Update Smart Groups"):
 * `POST …/IdentityStores/{id}/Groups/SmartGroups/Update`, the body a JSON array of object GUIDs.
 * Its documented answer names each group in `details[]` (`groupID`, `taskID`, `status`,
 * `message`), so each group's outcome is read from its own entry (see bulkUpdateOutcome).
 */
export function bulkSmartGroupUpdateRequest(
	identityStoreId: number,
	groupGuids: string[],
): { method: 'POST'; path: string; body: string[] } {
	return {
		method: 'POST',
		path: dataServicePath(identityStoreId, '/Groups/SmartGroups/Update'),
		body: [...groupGuids],
	};
}

/** One group's entry in a bulk update's answer, as documented. */
export interface BulkUpdateEntry {
	groupID: string;
	taskID: unknown;
	status: unknown;
	message: unknown;
}

/**
 * What a bulk update's answer says of one group: its entry, if that entry reports success
 * (`status` 0); or why the group cannot be taken as queued: its entry reports a failure, or the
 * answer has no entry for it (GUIDs compared ignoring case and braces). Pure.
 */
export function bulkUpdateOutcome(
	answer: unknown,
	groupGuid: string,
): { entry: BulkUpdateEntry } | { failure: string } {
	const details =
		typeof answer === 'object' && answer !== null
			? (answer as { details?: unknown }).details
			: undefined;
	const entries = Array.isArray(details) ? details : [];
	const entry = entries.find(
		(candidate): candidate is BulkUpdateEntry =>
			typeof candidate === 'object' &&
			candidate !== null &&
			typeof (candidate as { groupID?: unknown }).groupID === 'string' &&
			normalizeGuid((candidate as { groupID: string }).groupID) === normalizeGuid(groupGuid),
	);
	if (entry === undefined) {
		const message = (answer as { message?: unknown } | null)?.message;
		return {
			failure: `GroupID's answer has no entry for this Smart Group, so whether its update was queued is not known${typeof message === 'string' && message.trim() !== '' ? ` (GroupID's message: ${message.trim()})` : ''}`,
		};
	}
	if (entry.status !== 0) {
		const message =
			typeof entry.message === 'string' && entry.message.trim() !== ''
				? entry.message.trim()
				: `status ${String(entry.status)}, no message given`;
		return { failure: `GroupID refused the request: ${message}` };
	}
	return { entry };
}

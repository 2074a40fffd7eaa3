import { checkGroupTarget, dataServicePath, type GroupLocatorInput, type GroupTarget } from './groupTarget';
import { identitySegment } from './groupIdentity';

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
		path: dataServicePath(target.identityStoreId, `/Groups/SmartGroups/${identitySegment(target.identity)}/Update`),
	};
}

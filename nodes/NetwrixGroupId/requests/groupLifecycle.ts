import {
	checkGroupTarget,
	groupPath,
	type GroupLocatorInput,
	type GroupTarget,
} from './groupTarget';

/**
 * Delete, Expire and Renew a group: requests that name the group and carry no body.
 * `DELETE …/Groups/{groupIdentity}`; `POST …/Groups/{groupIdentity}/Expire?ReplicationRequired=true`
 * and `…/Renew?ReplicationRequired=true` (the documented URLs; the parameter is not explained).
 */

export type GroupLifecycleAction = 'delete' | 'expire' | 'renew';

export interface GroupLifecycleRequest extends GroupTarget {
	method: 'DELETE' | 'POST';
	path: string;
}

/** Pure; throws InvalidFieldError naming the field. */
export function buildGroupLifecycleRequest(
	action: GroupLifecycleAction,
	group: GroupLocatorInput,
	defaults: { identityStoreId: number },
): GroupLifecycleRequest {
	const target = checkGroupTarget(group, defaults);
	switch (action) {
		case 'delete':
			return { ...target, method: 'DELETE', path: groupPath(target) };
		case 'expire':
			return {
				...target,
				method: 'POST',
				path: groupPath(target, '/Expire?ReplicationRequired=true'),
			};
		case 'renew':
			return {
				...target,
				method: 'POST',
				path: groupPath(target, '/Renew?ReplicationRequired=true'),
			};
	}
}

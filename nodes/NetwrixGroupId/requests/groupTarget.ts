import { checkIdentityStoreId } from './attributeValues';
import { checkObjectIdentity, identitySegment, type ObjectIdentity } from './groupIdentity';

/**
 * The group an operation acts on, and the Data Service paths that name it. The documentation
 * shows {groupIdentity} only as an object GUID; a name or distinguished name is sent as the same
 * path segment, URL-encoded (GroupID's acceptance of it is not documented).
 */

/** The Group field: a resource locator's mode (`id` GUID, `name` name or DN) and value. */
export interface GroupLocatorInput {
	mode: string;
	value: unknown;
}

export interface GroupTarget {
	identityStoreId: number;
	identity: ObjectIdentity;
}

/** Checks the Group field and the credential's identity store. Pure; throws InvalidFieldError. */
export function checkGroupTarget(
	locator: GroupLocatorInput,
	defaults: { identityStoreId: number },
	field = 'Group',
): GroupTarget {
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const mode = locator.mode === 'id' ? 'id' : locator.mode === 'name' ? 'name' : 'any';
	return { identityStoreId, identity: checkObjectIdentity(field, locator.value, mode) };
}

/** `/GroupIDDataService/api/IdentityStores/{id}` followed by `suffix`. */
export function dataServicePath(identityStoreId: number, suffix: string): string {
	return `/GroupIDDataService/api/IdentityStores/${identityStoreId}${suffix}`;
}

/** `…/Groups/{groupIdentity}` followed by `suffix` (e.g. `/Expire`). */
export function groupPath(target: GroupTarget, suffix = ''): string {
	return dataServicePath(
		target.identityStoreId,
		`/Groups/${identitySegment(target.identity)}${suffix}`,
	);
}

/** What write operations put in their output about the group: its GUID when known, and the identity sent. */
export function describeTarget(
	target: GroupTarget,
	guidFromAnswer?: unknown,
): { groupGuid: string | null; group: string } {
	const answered =
		typeof guidFromAnswer === 'string'
			? /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/.exec(guidFromAnswer)
			: null;
	return {
		groupGuid:
			target.identity.kind === 'guid' ? target.identity.value : answered ? answered[0] : null,
		group: target.identity.value,
	};
}

import { checkBoolean } from '../../shared/fieldChecks';
import { checkIdentityStoreId } from './attributeValues';
import { checkObjectIdentity, identitySegment, type ObjectIdentity } from './groupIdentity';
import { dataServicePath, type GroupLocatorInput } from './groupTarget';

/**
 * Get a user: `GET …/IdentityStores/{id}/Users/{userIdentity}`, with no body (the documented
 * page shows none, unlike Get a Group, so which attributes come back is GroupID's choice).
 * The documentation shows {userIdentity} only as an object GUID; a name or distinguished name
 * is sent as the same path segment, URL-encoded.
 */

export interface GetUserFields {
	/** The User field: a resource locator's mode (`id` GUID, `name` name or DN) and value. */
	user: GroupLocatorInput;
	simplify?: unknown;
}

export interface GetUserRequest {
	identityStoreId: number;
	identity: ObjectIdentity;
	method: 'GET';
	path: string;
	simplify: boolean;
}

/** Builds the Get request for one item. Pure; throws InvalidFieldError naming the field. */
export function buildGetUserRequest(
	fields: GetUserFields,
	defaults: { identityStoreId: number },
): GetUserRequest {
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const mode = fields.user.mode === 'id' ? 'id' : fields.user.mode === 'name' ? 'name' : 'any';
	const identity = checkObjectIdentity('User', fields.user.value, mode);
	return {
		identityStoreId,
		identity,
		method: 'GET',
		path: dataServicePath(identityStoreId, `/Users/${identitySegment(identity)}`),
		simplify: checkBoolean('Simplify', fields.simplify, true),
	};
}

import type { IExecuteFunctions } from 'n8n-workflow';

import { lookUpNamesOnce } from '../../shared/nameLookup';
import type { PreparedItem } from '../../shared/operation';
import { copyError, isCredentialFailure, prefixError } from '../../shared/transport/apiErrors';
import { normalizeGuid, type ObjectIdentity } from '../requests/groupIdentity';
import { simplifyDirectoryObject } from '../requests/directoryObjects';
import { buildGetUserRequest } from '../requests/userGet';
import type { GroupIdConnection } from '../transport';
import { readDirectoryObject } from '../transport/directoryReads';

/** The user an operation acts on, read once: its object GUID and distinguished name (null when GroupID sent none). */
export interface FoundUser {
	guid: string;
	distinguishedName: string | null;
}

/** What an operation on one user prepares: at least the user and its store. */
export interface UserTarget {
	identityStoreId: number;
	user: ObjectIdentity;
}

/**
 * The resolve step of the operations that change what a user is in or owns (Remove From All
 * Groups, Transfer Ownership): each distinct user is read once per run with the documented Get a
 * User, before anything is written, for its object GUID (LeaveOnBehalf names the leaving user by
 * it) and its DN (managedBy holds a DN). An item whose user cannot be read fails with nothing
 * written.
 */
export async function resolveUsers<T extends UserTarget>(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<T>>,
): Promise<Array<(T & { found: FoundUser }) | Error>> {
	const keyOf = (target: UserTarget) =>
		`${target.identityStoreId}\n${target.user.kind}\n${target.user.value.toLowerCase()}`;
	const found = new Map<string, FoundUser>();
	const outcomeOf = await lookUpNamesOnce<T, UserTarget>(items, {
		namesOf: (prepared) => [prepared],
		keyOf,
		async find(target, itemIndex) {
			const request = buildGetUserRequest(
				{ user: { mode: 'name', value: target.user.value } },
				{ identityStoreId: target.identityStoreId },
			);
			const object = await readDirectoryObject(
				context,
				connection,
				request,
				itemIndex,
				`GroupID returned no user for "${target.user.value}"`,
			);
			const flat = simplifyDirectoryObject(object);
			const guid = normalizeGuid(String(flat.objectGuid ?? ''));
			if (guid === undefined) return { problem: 'GroupID answered without its object GUID' };
			const distinguishedName =
				typeof flat.distinguishedName === 'string' && flat.distinguishedName !== ''
					? flat.distinguishedName
					: null;
			found.set(keyOf(target), { guid, distinguishedName });
			return { id: guid };
		},
		failsEveryItem: isCredentialFailure,
	});
	return items.map(({ prepared }) => {
		const outcome = outcomeOf(prepared);
		if ('error' in outcome)
			return prefixError(
				copyError(outcome.error),
				`Could not read the user "${prepared.user.value}": `,
				' Nothing was changed.',
			);
		if ('problem' in outcome)
			return new Error(
				`Could not read the user "${prepared.user.value}": ${outcome.problem}. Nothing was changed.`,
			);
		return { ...prepared, found: found.get(keyOf(prepared))! };
	});
}

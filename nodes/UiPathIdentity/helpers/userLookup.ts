import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../shared/operation';
import type { UserTarget } from '../requests/userRequests';
import { USER_FIELD } from '../requests/userRequests';
import type { UiPathConnection } from '../transport';
import { resolveMemberNames } from './memberLookup';

/** A user target whose user ID is known. */
export type FoundUserTarget<T extends UserTarget> = T & { userId: string };

/**
 * The resolve step of the operations on one user: a user given by email is looked up once per
 * run, as members are (Directory Search), before anything is sent; an item whose email matches
 * nobody, or several users, fails with nothing sent.
 */
export async function resolveUserTargets<T extends UserTarget>(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<T>>,
): Promise<Array<FoundUserTarget<T> | Error>> {
	const resolved = await resolveMemberNames<T>(
		context,
		connection,
		items,
		(prepared) =>
			prepared.email === undefined
				? undefined
				: {
						organizationId: prepared.organizationId,
						lists: [{ field: USER_FIELD, names: [prepared.email] }],
					},
		(prepared, [[userId]]) => ({ ...prepared, userId }),
	);
	return resolved as Array<FoundUserTarget<T> | Error>;
}

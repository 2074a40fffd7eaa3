import type { IExecuteFunctions } from 'n8n-workflow';

import { InvalidFieldError } from '../../shared/InvalidFieldError';
import type { PreparedItem } from '../../shared/operation';
import { isCredentialFailure } from '../../shared/requestErrors';
import { directorySearchRequest, matchDirectoryUser } from '../requests/directorySearch';
import { uiPathListRequest, type UiPathConnection } from '../transport';

/** The emails or usernames one prepared item holds, by the field they came from. */
export interface NamedMembers {
	organizationId: string;
	lists: Array<{ field: string; names: string[] }>;
}

/** The words for a Directory Search that fails with 403 or 404. */
export const DIRECTORY_SEARCH_WORDS = { scope: 'PM.Directory, for Directory Search' };

/**
 * Turns the emails or usernames of every prepared item into user IDs before anything is written:
 * each distinct name (per organization, in any case) is looked up once per run with Directory
 * Search, one search after another. An item whose name matches nobody, or more than one user,
 * gets an InvalidFieldError that names the name; a failed search fails the items that needed it
 * (all of them when the credential cannot get a token, which would fail any request).
 *
 * `namesOf` gives an item's names (undefined: it has none); `withIds` gives the item back with the
 * user IDs in place of its names, one list of IDs per list of names, in the same order.
 */
export async function resolveMemberNames<T>(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<T>>,
	namesOf: (prepared: T) => NamedMembers | undefined,
	withIds: (prepared: T, ids: string[][]) => T,
): Promise<Array<T | Error>> {
	const found = new Map<string, { identifier: string } | { problem: string } | { error: Error }>();
	const keyOf = (organizationId: string, name: string) => `${organizationId}\n${name.toLowerCase()}`;

	for (const { itemIndex, prepared } of items) {
		const named = namesOf(prepared);
		if (named === undefined) continue;
		for (const name of named.lists.flatMap((list) => list.names)) {
			const key = keyOf(named.organizationId, name);
			if (found.has(key)) continue;
			const { path } = directorySearchRequest(named.organizationId, name);
			try {
				const entries = await uiPathListRequest(context, connection, 'GET', path, itemIndex, DIRECTORY_SEARCH_WORDS);
				const match = matchDirectoryUser(name, entries);
				found.set(key, match.problem === undefined ? { identifier: match.identifier } : { problem: match.problem });
			} catch (error) {
				// No token: every request would fail alike, so every item fails with it (a NodeApiError already).
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				if (isCredentialFailure(error)) throw error;
				found.set(key, { error: error as Error });
			}
		}
	}

	return items.map(({ prepared }) => {
		const named = namesOf(prepared);
		if (named === undefined) return prepared;
		const ids: string[][] = [];
		for (const list of named.lists) {
			const listIds = new Set<string>();
			for (const name of list.names) {
				const result = found.get(keyOf(named.organizationId, name))!;
				if ('error' in result) return result.error;
				if ('problem' in result) return new InvalidFieldError(list.field, result.problem);
				listIds.add(result.identifier);
			}
			ids.push([...listIds]);
		}
		return withIds(prepared, ids);
	});
}

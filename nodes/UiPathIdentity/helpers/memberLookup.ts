import type { IExecuteFunctions } from 'n8n-workflow';

import { InvalidFieldError } from '../../shared/fieldChecks';
import { isNotFound } from '../../shared/ifNotFound';
import { lookUpNamesOnce } from '../../shared/nameLookup';
import type { PreparedItem } from '../../shared/operation';
import { isCredentialFailure } from '../../shared/transport/apiErrors';
import {
	directorySearchRequest,
	matchDirectoryUser,
	type DirectoryEntry,
} from '../requests/directorySearch';
import { uiPathRequest, type UiPathConnection } from '../transport';
import { DIRECTORY_SEARCH_MESSAGES } from '../transport/failureMessages';

/** The emails or usernames one prepared item holds, by the field they came from. */
export interface NamedMembers {
	organizationId: string;
	lists: Array<{ field: string; names: string[] }>;
}

interface NamedMember {
	organizationId: string;
	name: string;
}

/**
 * The resolve step of the operations that take members as emails or usernames: the user ID of
 * every name of every item, before anything is written. Each distinct name (per organization, in
 * any case) is looked up once per run with Directory Search. Where Directory Search answers 404
 * (an Automation Suite: UiPath documents it for Automation Cloud only), no other name is sent to
 * it: every item with names fails with that answer's message. An item whose name matches nobody,
 * or more than one user, gets an InvalidFieldError that names the name; a failed search fails the
 * items that needed it (all of them when the credential cannot get a token, which would fail any
 * request).
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
	let searchMissing: Error | undefined;
	const outcomeOf = await lookUpNamesOnce<T, NamedMember>(items, {
		namesOf: (prepared) => {
			const named = namesOf(prepared);
			return named === undefined
				? []
				: named.lists.flatMap((list) =>
						list.names.map((name) => ({ organizationId: named.organizationId, name })),
					);
		},
		keyOf: ({ organizationId, name }) => `${organizationId}\n${name.toLowerCase()}`,
		async find({ organizationId, name }, itemIndex) {
			if (searchMissing) throw searchMissing;
			let entries: DirectoryEntry[];
			try {
				entries = await uiPathRequest(
					context,
					connection,
					directorySearchRequest(organizationId, name),
					itemIndex,
					{
						expect: 'list',
						messages: DIRECTORY_SEARCH_MESSAGES,
					},
				);
			} catch (error) {
				if (isNotFound(error)) searchMissing = error as Error;
				// The transport's own NodeApiError: the items that need this name fail with it.
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				throw error;
			}
			const match = matchDirectoryUser(name, entries);
			return match.problem === undefined ? { id: match.identifier } : { problem: match.problem };
		},
		failsEveryItem: isCredentialFailure,
	});

	return items.map(({ prepared }) => {
		const named = namesOf(prepared);
		if (named === undefined) return prepared;
		const ids: string[][] = [];
		for (const list of named.lists) {
			const listIds = new Set<string>();
			for (const name of list.names) {
				const outcome = outcomeOf({ organizationId: named.organizationId, name });
				if ('error' in outcome) return outcome.error;
				if ('problem' in outcome) return new InvalidFieldError(list.field, outcome.problem);
				listIds.add(outcome.id);
			}
			ids.push([...listIds]);
		}
		return withIds(prepared, ids);
	});
}

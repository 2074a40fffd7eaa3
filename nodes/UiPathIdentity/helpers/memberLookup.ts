import type { IExecuteFunctions } from 'n8n-workflow';

import { InvalidFieldError } from '../../shared/fieldChecks';
import { lookUpNamesOnce } from '../../shared/nameLookup';
import type { PreparedItem } from '../../shared/operation';
import { isCredentialFailure } from '../../shared/transport/apiErrors';
import { directorySearchRequest, matchDirectoryUser } from '../requests/directorySearch';
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
 * any case) is looked up once per run with Directory Search. An item whose name matches nobody,
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
	const outcomeOf = await lookUpNamesOnce<T, NamedMember>(items, {
		namesOf: (prepared) => {
			const named = namesOf(prepared);
			return named === undefined
				? []
				: named.lists.flatMap((list) => list.names.map((name) => ({ organizationId: named.organizationId, name })));
		},
		keyOf: ({ organizationId, name }) => `${organizationId}\n${name.toLowerCase()}`,
		async find({ organizationId, name }, itemIndex) {
			const entries = await uiPathRequest(context, connection, directorySearchRequest(organizationId, name), itemIndex, {
				expect: 'list',
				messages: DIRECTORY_SEARCH_MESSAGES,
			});
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

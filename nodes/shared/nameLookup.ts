import type { PreparedItem } from './operation';

/**
 * Members given by name (an email, a username, a distinguished name) become IDs in an operation's
 * resolve step: once per run, after every item was checked and before anything is sent, each
 * distinct name is looked up once, one lookup after another, whichever items name it. Knows no
 * service: the operation says which names an item holds, how two names are the same, and how one
 * is looked up; it then reads each item's answers and decides how an item with a name that
 * matched nobody, or several, fails.
 */

/** What one lookup found: the one ID, or why there is none (no match, several). */
export type LookupMatch = { id: string } | { problem: string };

/** What a name came to: its match, or the failure of its lookup (the server refused, say). */
export type LookupOutcome = LookupMatch | { error: Error };

export interface NameLookup<TPrepared, TName> {
	/** The names an item holds that need looking up (none: the item is passed on as it is). */
	namesOf(prepared: TPrepared): TName[];
	/** One key for names that are the same (same organization or store, any case, say). */
	keyOf(name: TName): string;
	/** Looks one name up; `itemIndex` is the first item that names it, for the request's errors. */
	find(name: TName, itemIndex: number): Promise<LookupMatch>;
	/** A failure no other lookup would escape (the credential gets no token): thrown, failing every item. */
	failsEveryItem(error: Error): boolean;
}

/**
 * Looks up every distinct name the items hold, once each, and gives back how to read a name's
 * outcome.
 */
export async function lookUpNamesOnce<TPrepared, TName>(
	items: Array<PreparedItem<TPrepared>>,
	lookup: NameLookup<TPrepared, TName>,
): Promise<(name: TName) => LookupOutcome> {
	const outcomes = new Map<string, LookupOutcome>();
	for (const { itemIndex, prepared } of items) {
		for (const name of lookup.namesOf(prepared)) {
			const key = lookup.keyOf(name);
			if (outcomes.has(key)) continue;
			try {
				outcomes.set(key, await lookup.find(name, itemIndex));
			} catch (error) {
				// The transport's own NodeApiError: every item fails with it.
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				if (lookup.failsEveryItem(error)) throw error;
				outcomes.set(key, { error: error as Error });
			}
		}
	}
	return (name) => {
		const outcome = outcomes.get(lookup.keyOf(name));
		if (outcome === undefined)
			throw new Error('a name was read that its item did not give for lookup');
		return outcome;
	};
}

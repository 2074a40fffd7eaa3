import type { IDataObject } from 'n8n-workflow';

import { UnsentItem, type PreparedItem, type SendUnit } from './operation';

/**
 * The plan of the operations that send the items aimed at one group together: one unit per group
 * (`groupOf` gives the key that tells groups apart), its items in input order, the units in the
 * order of their first item. `send` sends one group's items.
 */
export function unitsByGroup<T>(
	items: Array<PreparedItem<T>>,
	groupOf: (prepared: T) => string,
	send: (group: Array<PreparedItem<T>>) => ReturnType<SendUnit['send']>,
): SendUnit[] {
	const byGroup = new Map<string, Array<PreparedItem<T>>>();
	for (const item of items) {
		const key = groupOf(item.prepared);
		const group = byGroup.get(key);
		if (group === undefined) byGroup.set(key, [item]);
		else group.push(item);
	}
	return [...byGroup.values()].map((group) => ({
		itemIndexes: group.map(({ itemIndex }) => itemIndex),
		send: async () => await send(group),
	}));
}

/**
 * Sends an item planned alone (what an operation's `send` does when it is not planned with
 * others): the one unit's one outcome, its error thrown.
 */
export async function sendOneUnit(units: SendUnit[]): Promise<IDataObject | IDataObject[]> {
	const [outcome] = await units[0].send();
	if (outcome instanceof Error) throw outcome;
	// An item alone is never left unsent: the write that stopped its unit was its own.
	if (outcome instanceof UnsentItem) throw new Error('an item alone was left unsent');
	return outcome;
}

import type { PreparedItem, SendUnit } from './operation';

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

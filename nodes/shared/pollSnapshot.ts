/**
 * The snapshot a polling trigger keeps between polls, and what changed since: it knows no service.
 *
 * A snapshot is a few named sets of keys (group IDs, member IDs, "group@expiry date"), each key
 * with a short label (a name) so that a key that left the set can still be named. Nothing else of
 * the objects is kept, so its size is bounded by the number of keys (see MAX_SNAPSHOT_KEYS).
 *
 * A poll compares the sets it reads now with the stored ones: a key that is new to its set
 * "entered", one that is gone "left". A set the stored snapshot does not have (the first poll, a
 * group just added to the watched list, a container changed) is only recorded: it has no changes.
 * Everything here is pure: the trigger writes the next snapshot only once its poll has read every
 * set, so a poll that fails changes nothing and the next one sees the change.
 */

/** One set: key → short label. */
export type KeySet = Record<string, string>;

/** What a trigger keeps in its workflow static data. */
export interface PollSnapshot {
	version: typeof SNAPSHOT_VERSION;
	sets: Record<string, KeySet>;
}

export interface KeyChange {
	key: string;
	label: string;
}

export interface SetChanges {
	entered: KeyChange[];
	left: KeyChange[];
}

export interface PollComparison {
	/** Whether no set was known before: the first poll (or the first after every set was changed). */
	first: boolean;
	/** The changes of each set known before; a set seen for the first time has none. */
	changes: Record<string, SetChanges>;
	/** The sets only recorded this time (no stored set of that name). */
	recorded: string[];
	/** The snapshot to store once the poll has succeeded: the current sets, and only them. */
	next: PollSnapshot;
}

export const SNAPSHOT_VERSION = 1;

/** Labels are cut to this many characters: enough to recognise a group or member. */
export const LABEL_MAX_LENGTH = 100;

/** The most keys a snapshot holds over all its sets; a poll reading more fails (see buildKeySet). */
export const MAX_SNAPSHOT_KEYS = 200_000;

/** Where the snapshot lives in the node's static data. */
const STATIC_DATA_FIELD = 'snapshot';

export class SnapshotTooLargeError extends Error {
	constructor(readonly keys: number) {
		super(
			`The trigger would keep ${keys} IDs between polls, more than its limit of ${MAX_SNAPSHOT_KEYS}`,
		);
	}
}

/** A short label: text, trimmed, cut to LABEL_MAX_LENGTH characters. */
export function shortLabel(value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	return text.length > LABEL_MAX_LENGTH ? `${text.slice(0, LABEL_MAX_LENGTH - 1)}…` : text;
}

/** A set from (key, label) pairs: empty keys are skipped; a repeated key keeps its first label. */
export function buildKeySet(entries: Iterable<readonly [unknown, unknown]>): KeySet {
	const set: KeySet = {};
	for (const [rawKey, label] of entries) {
		const key = rawKey === undefined || rawKey === null ? '' : String(rawKey).trim();
		if (key === '' || Object.prototype.hasOwnProperty.call(set, key)) continue;
		set[key] = shortLabel(label);
	}
	return set;
}

/** The keys that entered `current` and those that left `previous`, each in its set's order. */
export function diffKeySets(previous: KeySet, current: KeySet): SetChanges {
	const has = (set: KeySet, key: string) => Object.prototype.hasOwnProperty.call(set, key);
	return {
		entered: Object.keys(current)
			.filter((key) => !has(previous, key))
			.map((key) => ({ key, label: current[key] })),
		left: Object.keys(previous)
			.filter((key) => !has(current, key))
			.map((key) => ({ key, label: previous[key] })),
	};
}

/** How many keys the sets hold in all. */
export function countKeys(sets: Record<string, KeySet>): number {
	return Object.values(sets).reduce((sum, set) => sum + Object.keys(set).length, 0);
}

/**
 * Compares the sets read now with the stored snapshot (undefined: none stored yet); throws
 * SnapshotTooLargeError when they hold more than MAX_SNAPSHOT_KEYS keys.
 */
export function comparePoll(
	previous: PollSnapshot | undefined,
	current: Record<string, KeySet>,
): PollComparison {
	const keys = countKeys(current);
	if (keys > MAX_SNAPSHOT_KEYS) throw new SnapshotTooLargeError(keys);
	const changes: Record<string, SetChanges> = {};
	const recorded: string[] = [];
	for (const [name, set] of Object.entries(current)) {
		const before = previous?.sets[name];
		if (before === undefined) recorded.push(name);
		else changes[name] = diffKeySets(before, set);
	}
	return {
		first: Object.keys(changes).length === 0,
		changes,
		recorded,
		next: { version: SNAPSHOT_VERSION, sets: current },
	};
}

/**
 * The snapshot stored in a node's static data; undefined when there is none, or it is not one
 * this version wrote (it is then replaced as on a first poll).
 */
export function readSnapshot(staticData: Record<string, unknown>): PollSnapshot | undefined {
	const stored = staticData[STATIC_DATA_FIELD] as Partial<PollSnapshot> | undefined;
	if (stored === null || typeof stored !== 'object' || stored.version !== SNAPSHOT_VERSION)
		return undefined;
	if (stored.sets === null || typeof stored.sets !== 'object' || Array.isArray(stored.sets))
		return undefined;
	const sets: Record<string, KeySet> = {};
	for (const [name, set] of Object.entries(stored.sets)) {
		if (set === null || typeof set !== 'object' || Array.isArray(set)) return undefined;
		sets[name] = set;
	}
	return { version: SNAPSHOT_VERSION, sets };
}

/**
 * Stores the snapshot in the node's static data, by assigning its field: n8n then knows the
 * static data changed and saves it with the workflow.
 */
export function writeSnapshot(staticData: Record<string, unknown>, snapshot: PollSnapshot): void {
	staticData[STATIC_DATA_FIELD] = snapshot;
}

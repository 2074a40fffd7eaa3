import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { budgetClock } from './transport/rateBudget';

import {
	buildKeySet,
	comparePoll,
	countKeys,
	MAX_SNAPSHOT_KEYS,
	readSnapshot,
	SnapshotTooLargeError,
	writeSnapshot,
	type KeySet,
	type PollComparison,
} from './pollSnapshot';

/**
 * What both group triggers do, whatever the service: read the groups (or the watched groups'
 * members), turn them into the snapshot's sets, compare with the stored snapshot, and give one
 * item per change. A service only says how to read (a GroupSource).
 */

export type GroupTriggerEvent =
	| 'newGroup'
	| 'groupDeleted'
	| 'membershipChanged'
	| 'groupExpiring'
	| 'groupExpired';

/** A group as a listing gives it: what the events need, and the item to output. */
export interface ListedGroup {
	id: string;
	name: string;
	/** When it was created (ms), if the service says. */
	createdAt?: number;
	expired?: boolean;
	/** When it expires (ms), if the service says. */
	expiresAt?: number;
	item: IDataObject;
}

export interface ListedMember {
	id: string;
	name: string;
	item: IDataObject;
}

/** A watched group and its members now. */
export interface WatchedGroupMembers {
	groupId: string;
	groupName: string;
	members: ListedMember[];
}

/** How one service reads what the events compare. */
export interface GroupSource {
	/** What the listing covers (a container, the organization), part of the snapshot's set names. */
	scope: string;
	listGroups(): Promise<ListedGroup[]>;
	readWatchedMembers(): Promise<WatchedGroupMembers[]>;
}

export interface TriggerSettings {
	event: GroupTriggerEvent;
	/** Group Expiring: how many days ahead. */
	withinDays?: number;
	/** Now, in ms (the budget's clock, which tests control). */
	now: number;
}

/** What one poll read: the groups, or the watched groups' members (Membership Changed). */
export interface PollReading {
	groups?: ListedGroup[];
	watched?: WatchedGroupMembers[];
}

const DAY_MS = 24 * 60 * 60_000;

/** The most items a test (Fetch Test Event) shows when nothing changed since the last poll. */
export const SAMPLE_LIMIT = 5;

export const EVENT_OPTIONS: Record<GroupTriggerEvent, INodePropertyOptions> = {
	newGroup: {
		name: 'New Group',
		value: 'newGroup',
		description: 'A group appeared since the last poll',
	},
	groupDeleted: {
		name: 'Group Deleted',
		value: 'groupDeleted',
		description: 'A group seen at the last poll is gone',
	},
	membershipChanged: {
		name: 'Membership Changed',
		value: 'membershipChanged',
		description:
			'A member was added to or removed from one of the chosen groups: one item per member and change',
	},
	groupExpiring: {
		name: 'Group Expiring',
		value: 'groupExpiring',
		description:
			'A group will expire within the number of days given (once per group and expiration date)',
	},
	groupExpired: {
		name: 'Group Expired',
		value: 'groupExpired',
		description: 'A group became expired since the last poll',
	},
};

/** The notice at the top of both triggers: what the first poll does. */
export const FIRST_POLL_NOTICE: INodeProperties = {
	displayName:
		'The first poll after activating records the groups (or members) as they are and emits nothing; each later poll emits what changed since the one before. Fetch Test Event shows the changes since the last poll, or recent examples.',
	name: 'firstPollNotice',
	type: 'notice',
	default: '',
};

/** What tells one trigger from the other in its description. */
export interface TriggerSpec {
	displayName: string;
	name: string;
	description: string;
	credential: string;
	events: GroupTriggerEvent[];
	/** The fields after Event. */
	properties: INodeProperties[];
}

/**
 * A group trigger's description, as n8n's polling triggers have it: no input, `polling: true` (n8n
 * adds Poll Times), the notice of the first poll, then Event and the trigger's own fields. Not
 * usable as a tool. The node adds its icon and subtitle (eventSubtitle).
 */
export function triggerDescription(
	spec: TriggerSpec,
): Omit<INodeTypeDescription, 'icon' | 'subtitle'> {
	return {
		displayName: spec.displayName,
		name: spec.name,
		group: ['trigger'],
		version: 1,
		description: spec.description,
		defaults: { name: spec.displayName },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: spec.credential, required: true }],
		properties: [
			FIRST_POLL_NOTICE,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'newGroup',
				options: eventOptions(spec.events),
			},
			...spec.properties,
		],
	};
}

function eventOptions(events: GroupTriggerEvent[]): INodePropertyOptions[] {
	return events.map((event) => EVENT_OPTIONS[event]).sort((a, b) => a.name.localeCompare(b.name));
}

/** The subtitle under a trigger's name on the canvas: its event's name. */
export function eventSubtitle(events: GroupTriggerEvent[]): string {
	const names = Object.fromEntries(
		eventOptions(events).map((option) => [option.value, option.name]),
	);
	return `={{ ${JSON.stringify(names)}[$parameter["event"]] }}`;
}

/** Membership Changed's list of groups: one entry per group, picked with the node's group locator. */
export function watchedGroupsProperty(
	groupLocator: INodeProperties,
	description: string,
): INodeProperties {
	return {
		displayName: 'Groups to Watch',
		name: 'watchedGroups',
		type: 'fixedCollection',
		placeholder: 'Add Group',
		typeOptions: { multipleValues: true },
		default: {},
		description,
		displayOptions: { show: { event: ['membershipChanged'] } },
		options: [{ displayName: 'Group', name: 'group', values: [groupLocator] }],
	};
}

/** The sets an event compares, from what the poll read. */
export function currentSets(
	settings: TriggerSettings,
	scope: string,
	reading: PollReading,
): Record<string, KeySet> {
	const groups = reading.groups ?? [];
	switch (settings.event) {
		case 'newGroup':
		case 'groupDeleted':
			return { [`groups:${scope}`]: buildKeySet(groups.map((group) => [group.id, group.name])) };
		case 'groupExpired':
			return {
				[`expired:${scope}`]: buildKeySet(
					groups.filter((group) => group.expired === true).map((group) => [group.id, group.name]),
				),
			};
		case 'groupExpiring': {
			const days = settings.withinDays ?? 0;
			const expiring = groups.filter((group) => isExpiring(group, settings.now, days));
			return {
				[`expiring:${days}:${scope}`]: buildKeySet(
					expiring.map((group) => [expiringKey(group), group.name]),
				),
			};
		}
		case 'membershipChanged': {
			const sets: Record<string, KeySet> = {};
			for (const watched of reading.watched ?? []) {
				sets[`members:${watched.groupId}`] = buildKeySet(
					watched.members.map((member) => [member.id, member.name]),
				);
			}
			return sets;
		}
	}
}

/** Whether a group, not expired, expires after now and within `days`. */
export function isExpiring(group: ListedGroup, now: number, days: number): boolean {
	return (
		group.expired !== true &&
		group.expiresAt !== undefined &&
		group.expiresAt > now &&
		group.expiresAt <= now + days * DAY_MS
	);
}

/** A group's key in the Group Expiring set: the group and its expiration date, so that a renewed group can expire again. */
function expiringKey(group: ListedGroup): string {
	return `${group.id}@${new Date(group.expiresAt!).toISOString()}`;
}

/** The items of the changes found, in the order of the sets and of their keys. */
export function eventItems(
	settings: TriggerSettings,
	comparison: PollComparison,
	reading: PollReading,
): IDataObject[] {
	const byId = new Map((reading.groups ?? []).map((group) => [group.id, group]));
	const items: IDataObject[] = [];
	for (const [setName, changes] of Object.entries(comparison.changes)) {
		switch (settings.event) {
			case 'newGroup':
				for (const { key } of changes.entered) items.push(groupItem('newGroup', byId.get(key)!));
				break;
			case 'groupDeleted':
				for (const { key, label } of changes.left)
					items.push({ event: 'groupDeleted', groupId: key, groupName: label });
				break;
			case 'groupExpired':
				for (const { key } of changes.entered)
					items.push(groupItem('groupExpired', byId.get(key)!));
				break;
			case 'groupExpiring':
				for (const { key } of changes.entered)
					items.push(expiringItem(byId.get(key.slice(0, key.lastIndexOf('@')))!, settings.now));
				break;
			case 'membershipChanged': {
				const groupId = setName.slice('members:'.length);
				const watched = (reading.watched ?? []).find((group) => group.groupId === groupId)!;
				const members = new Map(watched.members.map((member) => [member.id, member]));
				for (const { key } of changes.entered)
					items.push(
						memberItem(watched, 'added', key, members.get(key)!.name, members.get(key)!.item),
					);
				for (const { key, label } of changes.left)
					items.push(memberItem(watched, 'removed', key, label, null));
				break;
			}
		}
	}
	return items;
}

/**
 * What a test shows when no change is stored to show: the most recent matching items as the event
 * would give them. New Group: the newest groups; Membership Changed: current members of each
 * watched group, as "added"; Group Expiring and Group Expired: the groups in that state now.
 * Group Deleted has none (a deleted group can no longer be read).
 */
export function sampleItems(settings: TriggerSettings, reading: PollReading): IDataObject[] {
	const groups = reading.groups ?? [];
	switch (settings.event) {
		case 'newGroup':
			return [...groups]
				.sort((a, b) => (b.createdAt ?? -Infinity) - (a.createdAt ?? -Infinity))
				.slice(0, SAMPLE_LIMIT)
				.map((group) => groupItem('newGroup', group));
		case 'groupDeleted':
			return [];
		case 'groupExpired':
			return groups
				.filter((group) => group.expired === true)
				.slice(0, SAMPLE_LIMIT)
				.map((group) => groupItem('groupExpired', group));
		case 'groupExpiring':
			return groups
				.filter((group) => isExpiring(group, settings.now, settings.withinDays ?? 0))
				.sort((a, b) => a.expiresAt! - b.expiresAt!)
				.slice(0, SAMPLE_LIMIT)
				.map((group) => expiringItem(group, settings.now));
		case 'membershipChanged':
			return (reading.watched ?? []).flatMap((watched) =>
				watched.members
					.slice(0, SAMPLE_LIMIT)
					.map((member) => memberItem(watched, 'added', member.id, member.name, member.item)),
			);
	}
}

function groupItem(event: GroupTriggerEvent, group: ListedGroup): IDataObject {
	return { event, groupId: group.id, groupName: group.name, group: group.item };
}

function expiringItem(group: ListedGroup, now: number): IDataObject {
	return {
		event: 'groupExpiring',
		groupId: group.id,
		groupName: group.name,
		expiresAt: new Date(group.expiresAt!).toISOString(),
		daysLeft: Math.ceil((group.expiresAt! - now) / DAY_MS),
		group: group.item,
	};
}

function memberItem(
	watched: WatchedGroupMembers,
	change: 'added' | 'removed',
	memberId: string,
	memberName: string,
	member: IDataObject | null,
): IDataObject {
	return {
		event: 'membershipChanged',
		change,
		groupId: watched.groupId,
		groupName: watched.groupName,
		memberId,
		memberName,
		member,
	};
}

/**
 * One poll ("now" is the budget's clock, which tests control): reads through the source, compares with the stored snapshot and gives the items of
 * the changes, or null when there are none. The snapshot is stored only after everything was read
 * (a failed poll throws before, leaving it as it was), and never by a test (manual mode), which
 * shows the changes since the stored snapshot, or else recent examples (see sampleItems).
 */
export async function pollGroups(
	context: IPollFunctions,
	event: { event: GroupTriggerEvent; withinDays?: number },
	source: GroupSource,
): Promise<INodeExecutionData[][] | null> {
	const settings: TriggerSettings = { ...event, now: budgetClock().now() };
	const reading: PollReading =
		settings.event === 'membershipChanged'
			? { watched: await source.readWatchedMembers() }
			: { groups: await source.listGroups() };
	if (reading.watched?.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Groups to Watch is empty: add the groups whose members to compare',
		);
	}
	const staticData = context.getWorkflowStaticData('node');
	const sets = currentSets(settings, source.scope, reading);
	const keys = countKeys(sets);
	if (keys > MAX_SNAPSHOT_KEYS) {
		throw new NodeOperationError(context.getNode(), new SnapshotTooLargeError(keys).message, {
			description:
				'Watch a container or fewer groups, so that the IDs compared between polls stay within the limit.',
		});
	}
	const comparison = comparePoll(readSnapshot(staticData), sets);
	let items = eventItems(settings, comparison, reading);
	if (context.getMode() === 'manual') {
		if (items.length === 0) items = sampleItems(settings, reading);
	} else {
		writeSnapshot(staticData, comparison.next);
		if (comparison.recorded.length > 0) {
			context.logger.info(
				`${context.getNode().name}: recorded ${comparison.recorded.length} set(s) of IDs to compare with the next poll; nothing emitted for them`,
			);
		}
	}
	return items.length > 0 ? [context.helpers.returnJsonArray(items)] : null;
}

import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType, InvalidFieldError } from './fieldChecks';

/**
 * Sync Members' guard against a list that is wrong (an empty export, a filter gone astray): a sync
 * that would remove more of a group's members than Max Removals allows writes nothing for that
 * group. The limit is the smaller of a number of members and a share of the group, so a large
 * group loses at most a few members by mistake and a small one at most one in ten (rounded up, so
 * that one member can always go). There is no "no limit" value: a sync meant to remove many sets
 * both fields high (e.g. 100000 and 100%).
 */

export interface MaxRemovals {
	members: number;
	percent: number;
}

/** The fields' defaults (the linter wants them written out in the fields too). */
export const DEFAULT_MAX_REMOVALS: MaxRemovals = { members: 10, percent: 10 };

/** Members listed by name in the message of a sync over the limit; the rest are counted. */
const NAMES_LISTED = 10;

export const maxRemovalsProperties: INodeProperties[] = [
	{
		displayName: 'Max Removals',
		name: 'maxRemovals',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 10,
		description:
			'The most members one sync may remove from a group; a sync that would remove more writes nothing for that group and fails its items. 0: no member may be removed.',
	},
	{
		displayName: 'Max Removals (% of Group)',
		name: 'maxRemovalsPercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 0 },
		default: 10,
		description:
			"The most one sync may remove, as a share of the group's current members (rounded up). The smaller of this and Max Removals applies.",
	},
];

/** Checks one item's Max Removals fields. Pure; throws InvalidFieldError naming the field. */
export function checkMaxRemovals(members: unknown, percent: unknown): MaxRemovals {
	return {
		members: wholeNumber('Max Removals', members, Number.MAX_SAFE_INTEGER),
		percent: wholeNumber('Max Removals (% of Group)', percent, 100),
	};
}

/** The strictest of several items' limits: what a group aimed at by all of them is held to. */
export function strictestMaxRemovals(limits: MaxRemovals[]): MaxRemovals {
	return {
		members: Math.min(...limits.map((limit) => limit.members)),
		percent: Math.min(...limits.map((limit) => limit.percent)),
	};
}

/** How many of a group's `heldCount` members one sync may remove. */
export function removalLimit(max: MaxRemovals, heldCount: number): number {
	return Math.min(max.members, Math.ceil((max.percent * heldCount) / 100));
}

/**
 * Why a sync may not remove these members from a group of `heldCount`, or undefined when it may:
 * how many, the limit and where it comes from, the first names and the count of the others.
 */
export function excessRemovals(
	max: MaxRemovals,
	heldCount: number,
	removals: string[],
): string | undefined {
	const limit = removalLimit(max, heldCount);
	if (removals.length <= limit) return undefined;
	const listed = removals
		.slice(0, NAMES_LISTED)
		.map((name) => `"${name}"`)
		.join(', ');
	const more = removals.length > NAMES_LISTED ? ` and ${removals.length - NAMES_LISTED} more` : '';
	return (
		`would remove ${removals.length} of its ${heldCount} members, more than Max Removals allows ` +
		`(${limit}: the smaller of ${max.members} and ${max.percent}% of ${heldCount}, rounded up): ${listed}${more}`
	);
}

/** The error of each item of a group whose sync is over Max Removals (see excessRemovals): nothing was written for the group. */
export function maxRemovalsError(
	node: INode,
	itemIndex: number,
	group: string,
	excess: string,
): Error {
	return new NodeOperationError(
		node,
		`Sync of group "${group}" ${excess}. Nothing was written for this group.`,
		{
			itemIndex,
			description:
				'If these removals are meant, raise Max Removals or Max Removals (% of Group) for this run; otherwise check the list the items give.',
		},
	);
}

function wholeNumber(field: string, raw: unknown, max: number): number {
	const range = max === 100 ? 'a whole number from 0 to 100' : 'a whole number of 0 or more';
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		throw new InvalidFieldError(field, `is empty: give ${range}`);
	}
	const text =
		typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
	if (text === undefined || !/^\d+$/.test(text) || Number(text) > max) {
		const shown =
			typeof raw === 'string' || typeof raw === 'number' ? `"${String(raw)}"` : describeType(raw);
		throw new InvalidFieldError(field, `must be ${range}, not ${shown}`);
	}
	return Number(text);
}

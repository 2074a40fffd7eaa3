import { attributeValues, type DirectoryObject } from './directoryObjects';

/**
 * A group's expiry as GroupID answers it. Directory Manager 11.1's documented answers of a created
 * group (Create a Smart Group in an Entra ID store) carry `XGroupExpirationDate` (written
 * "9999 December 31 00:00:00" for a group that never expires), `XGroupExpirationPolicy` and
 * `IMGIsExpired` ("false"). Their time zone is not documented: the date is read as UTC. An ISO
 * date is read as well.
 */

/** The attributes the trigger loads to know a group's expiry. */
export const EXPIRY_ATTRIBUTES = ['XGroupExpirationDate', 'IMGIsExpired'] as const;

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
];

/**
 * "9999 December 31 00:00:00" (GroupID's documented form), Active Directory's generalized time
 * ("20240101120000.0Z", as whenCreated is kept) or an ISO date, as ms since 1970; undefined when
 * unreadable.
 */
export function parseGroupIdDate(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const written = /^(\d{4}) ([A-Za-z]+) (\d{1,2})(?: (\d{1,2}):(\d{2}):(\d{2}))?$/.exec(text);
	if (written) {
		const month = MONTHS.indexOf(written[2].toLowerCase());
		if (month === -1) return undefined;
		const [hours, minutes, seconds] = [written[4], written[5], written[6]].map((part) =>
			Number(part ?? 0),
		);
		return Date.UTC(Number(written[1]), month, Number(written[3]), hours, minutes, seconds);
	}
	const generalized = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
	if (generalized) {
		const [year, month, day, hours, minutes, seconds] = generalized.slice(1).map(Number);
		return Date.UTC(year, month - 1, day, hours, minutes, seconds);
	}
	if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
	const time = Date.parse(text);
	return Number.isNaN(time) ? undefined : time;
}

/** A group's expiry: whether GroupID says it is expired, and when it expires (undefined: not said). */
export function readGroupExpiry(group: DirectoryObject): {
	expired: boolean;
	expiresAt: number | undefined;
} {
	const expired = attributeValues(group, 'IMGIsExpired').some(
		(value) => String(value).trim().toLowerCase() === 'true',
	);
	return {
		expired,
		expiresAt: parseGroupIdDate(attributeValues(group, 'XGroupExpirationDate')[0]),
	};
}

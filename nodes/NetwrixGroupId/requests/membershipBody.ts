import {
	checkGroupTarget,
	groupPath,
	type GroupLocatorInput,
	type GroupTarget,
} from './groupTarget';
import { checkMembers, type MemberIdentifier } from './memberIdentifiers';
import { describeType, InvalidFieldError, optionalText } from '../../shared/fieldChecks';

/**
 * The membership details GroupID's JoinOnBehalf and LeaveOnBehalf take. Netwrix does not document
 * the MembershipType codes: every request sends 1, as both documented samples do. A temporary
 * membership is told by its StartDate and EndDate.
 */
export interface MembershipType {
	MembershipType: number;
	StartDate: string;
	EndDate: string;
	Reason: string;
}

export interface JoinOnBehalfBody {
	IdentityStoreID: number;
	ReplicationRequired: boolean;
	joiningUserIdentity: string;
	joinType: MembershipType;
}

export interface LeaveOnBehalfBody {
	IdentityStoreID: number;
	ReplicationRequired: boolean;
	leavingUserId: string;
	leaveType: MembershipType;
}

export interface MembershipRequest<TBody> {
	method: 'POST';
	path: string;
	body: TBody;
}

/** The code both documented samples send; its meaning is not documented. */
export const MEMBERSHIP_TYPE_CODE = 1;
/** .NET's DateTime.MinValue, which the documented samples send as "no date". */
export const NO_DATE = '0001-01-01T00:00:00';
export const DEFAULT_ADD_REASON = 'Added by n8n';
export const DEFAULT_REMOVE_REASON = 'Removed by n8n';
export const DEFAULT_SYNC_REASON = 'Synced by n8n';
export const REASON_MAX_LENGTH = 1024;

/** One item's Add Members or Remove Members parameters, as read from n8n. */
export interface MembershipFields {
	/** The group locator's mode ("id" or "name") and value. */
	group: GroupLocatorInput;
	members: unknown;
	/** Add only: "permanent" (default) or "temporary". */
	duration?: unknown;
	/** Add only, with a temporary membership: when it ends. */
	endDate?: unknown;
	/** Empty or missing: the default reason. */
	reason?: unknown;
}

export interface MembershipDefaults {
	identityStoreId: number;
	/** The moment the item is prepared: a temporary membership starts then. */
	now: Date;
	/** The workflow's time zone, for an end date written without one. */
	timeZone?: string;
}

/** What one item of Add Members or Remove Members sends, once each member's GUID is known. */
export interface MembershipPlan extends GroupTarget {
	members: MemberIdentifier[];
	membershipType: MembershipType;
	/** Add only: the end of a temporary membership (ISO, UTC), or null for a permanent one. */
	endDate: string | null;
}

/** Checks one item of Add Members: pure; throws InvalidFieldError naming the field. */
export function buildAddMembersPlan(
	fields: MembershipFields,
	defaults: MembershipDefaults,
): MembershipPlan {
	const target = checkGroupTarget(fields.group, defaults);
	const members = checkMembers(fields.members);
	const duration =
		fields.duration === undefined || fields.duration === '' ? 'permanent' : fields.duration;
	if (duration !== 'permanent' && duration !== 'temporary') {
		throw new InvalidFieldError(
			'Membership',
			`must be permanent or temporary, not ${typeof duration === 'string' ? `"${duration}"` : describeType(duration)}`,
		);
	}
	const reason = checkReason(fields.reason, DEFAULT_ADD_REASON);
	if (duration === 'permanent') {
		return {
			...target,
			members,
			membershipType: {
				MembershipType: MEMBERSHIP_TYPE_CODE,
				StartDate: NO_DATE,
				EndDate: NO_DATE,
				Reason: reason,
			},
			endDate: null,
		};
	}
	const end = checkEndDate(fields.endDate, defaults.now, defaults.timeZone);
	const endDate = isoSeconds(end);
	return {
		...target,
		members,
		membershipType: {
			MembershipType: MEMBERSHIP_TYPE_CODE,
			StartDate: isoSeconds(defaults.now),
			EndDate: endDate,
			Reason: reason,
		},
		endDate,
	};
}

/** Checks one item of Remove Members: pure; throws InvalidFieldError naming the field. */
export function buildRemoveMembersPlan(
	fields: MembershipFields,
	defaults: MembershipDefaults,
): MembershipPlan {
	return permanentMembershipPlan(fields, defaults, DEFAULT_REMOVE_REASON);
}

/**
 * Checks one item of Sync Members: pure; throws InvalidFieldError naming the field. Its joins are
 * permanent (a temporary membership would leave the group short of the list when it ends), and
 * its joins and leaves carry one Reason.
 */
export function buildSyncMembersPlan(
	fields: MembershipFields,
	defaults: MembershipDefaults,
): MembershipPlan {
	return permanentMembershipPlan(fields, defaults, DEFAULT_SYNC_REASON);
}

/** A change with no dates, as both documented samples send it (`0001-01-01T00:00:00`). */
function permanentMembershipPlan(
	fields: MembershipFields,
	defaults: MembershipDefaults,
	defaultReason: string,
): MembershipPlan {
	return {
		...checkGroupTarget(fields.group, defaults),
		members: checkMembers(fields.members),
		membershipType: {
			MembershipType: MEMBERSHIP_TYPE_CODE,
			StartDate: NO_DATE,
			EndDate: NO_DATE,
			Reason: checkReason(fields.reason, defaultReason),
		},
		endDate: null,
	};
}

/** The JoinOnBehalf request that adds one member, named by its object GUID. */
export function joinOnBehalfRequest(
	plan: MembershipPlan,
	memberGuid: string,
): MembershipRequest<JoinOnBehalfBody> {
	return {
		method: 'POST',
		path: groupPath(plan, '/JoinOnBehalf'),
		// In the order of the documented sample.
		body: {
			IdentityStoreID: plan.identityStoreId,
			ReplicationRequired: true,
			joiningUserIdentity: memberGuid,
			joinType: { ...plan.membershipType },
		},
	};
}

/** The LeaveOnBehalf request that removes one member, named by its object GUID. */
export function leaveOnBehalfRequest(
	plan: MembershipPlan,
	memberGuid: string,
): MembershipRequest<LeaveOnBehalfBody> {
	return {
		method: 'POST',
		path: groupPath(plan, '/LeaveOnBehalf'),
		body: {
			IdentityStoreID: plan.identityStoreId,
			ReplicationRequired: true,
			leavingUserId: memberGuid,
			leaveType: { ...plan.membershipType },
		},
	};
}

function checkReason(raw: unknown, fallback: string): string {
	return optionalText('Reason', raw, { maxLength: REASON_MAX_LENGTH }) ?? fallback;
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The end of a temporary membership: a date or date-time text (ISO 8601; without a time zone it
 * is read in the workflow's), a JavaScript Date, or a Luxon DateTime from an expression such as
 * {{ $now.plus({ days: 30 }) }}. It must lie in the future.
 */
export function checkEndDate(raw: unknown, now: Date, timeZone?: string): Date {
	const field = 'End Date';
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		throw new InvalidFieldError(field, 'is empty: a temporary membership needs the date it ends');
	}
	let end: Date;
	if (raw instanceof Date) {
		end = raw;
	} else if (
		typeof raw === 'object' &&
		typeof (raw as { toJSDate?: unknown }).toJSDate === 'function'
	) {
		end = (raw as { toJSDate(): Date }).toJSDate();
	} else if (typeof raw === 'string') {
		end = parseDateText(field, raw.trim(), timeZone);
	} else {
		throw new InvalidFieldError(
			field,
			`must be a date like 2025-12-31 or 2025-12-31T17:00:00Z, not ${describeType(raw)}`,
		);
	}
	if (Number.isNaN(end.getTime())) {
		throw new InvalidFieldError(field, 'is not a valid date');
	}
	if (end.getTime() <= now.getTime()) {
		throw new InvalidFieldError(
			field,
			`${isoSeconds(end)} is not in the future; give a later date, or choose a permanent membership`,
		);
	}
	return end;
}

function parseDateText(field: string, text: string, timeZone: string | undefined): Date {
	const match = DATE_TIME.exec(text);
	if (!match) {
		throw new InvalidFieldError(
			field,
			`"${text}" is not a date like 2025-12-31 or 2025-12-31T17:00:00Z`,
		);
	}
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
	const parts = [year, month, day, hour, minute, second].map(Number);
	const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3) || 0);
	const asUtc = Date.UTC(
		parts[0],
		parts[1] - 1,
		parts[2],
		parts[3],
		parts[4],
		parts[5],
		milliseconds,
	);
	const check = new Date(asUtc);
	if (
		check.getUTCFullYear() !== parts[0] ||
		check.getUTCMonth() !== parts[1] - 1 ||
		check.getUTCDate() !== parts[2] ||
		parts[3] > 23 ||
		parts[4] > 59 ||
		parts[5] > 59
	) {
		throw new InvalidFieldError(field, `"${text}" is not a date that exists`);
	}
	if (zone !== undefined) {
		if (zone.toUpperCase() === 'Z') return check;
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
		return new Date(asUtc - offsetMinutes * 60_000);
	}
	return new Date(zonedToUtc(asUtc, timeZone));
}

/** The UTC instant of a wall-clock time (given as if it were UTC) in a time zone; UTC if none or unknown. */
function zonedToUtc(wallClockAsUtc: number, timeZone: string | undefined): number {
	if (!timeZone) return wallClockAsUtc;
	let offset: (instant: number) => number;
	try {
		const format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		offset = (instant: number) => {
			const values: Record<string, number> = {};
			for (const part of format.formatToParts(new Date(instant)))
				values[part.type] = Number(part.value);
			const local = Date.UTC(
				values.year,
				values.month - 1,
				values.day,
				values.hour,
				values.minute,
				values.second,
			);
			return local - (instant - (((instant % 1000) + 1000) % 1000));
		};
	} catch {
		return wallClockAsUtc;
	}
	const first = wallClockAsUtc - offset(wallClockAsUtc);
	const second = wallClockAsUtc - offset(first);
	return second;
}

/** ISO 8601 in UTC to the second, e.g. 2025-12-31T17:00:00Z. */
export function isoSeconds(date: Date): string {
	return `${date.toISOString().slice(0, 19)}Z`;
}

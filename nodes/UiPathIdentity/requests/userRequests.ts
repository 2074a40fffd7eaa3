import { describeType, InvalidFieldError, requireText } from '../../shared/fieldChecks';
import { locatorValue } from '../../shared/locatorValue';
import type { UiPathRequestSpec } from './groupRequests';
import { checkUserId } from './localGroupBody';
import { pathSegment, requireOrganizationId } from './organization';

/**
 * The requests about one user of Identity Server, as UiPath's API guides document them:
 *
 * - Update User, `PUT identity_/api/User/{userId}`: of its documented body the node sends only
 *   `groupIDsToAdd` and `groupIDsToRemove` (Update Group Memberships). The guides do not say
 *   whether fields left out are kept; UiPath's answers show them unchanged.
 * - Delete Specific User, `DELETE identity_/api/User/{userId}`: 204 with no body. Delete Users,
 *   `DELETE identity_/api/User` with `{partitionGlobalId, userIds}`, is documented too, but its
 *   204 says nothing of each user, so one request per item is sent.
 * - `GET identity_/api/User/{userId}`: no guide documents a GET of one user; the node sends it at
 *   the documented PUT's and DELETE's path and passes the answer on as it comes.
 */

const USER_API = 'identity_/api/User';

/** The User field: picked From List or typed By ID (a user ID), or By Email (looked up first). */
export interface UserFields {
	user: unknown;
	/** Empty: the credential's organization, or the access token's. */
	organizationId?: unknown;
}

/** A user of an organization: by user ID, or by email still to be looked up (Directory Search). */
export interface UserTarget {
	organizationId: string;
	userId?: string;
	email?: string;
}

export const USER_FIELD = 'User';

/** Checks an item's user and organization. Pure; throws InvalidFieldError naming the field. */
export function checkUserTarget(
	fields: UserFields,
	defaultOrganizationId: string | undefined,
): UserTarget {
	const organizationId = requireOrganizationId(fields.organizationId, defaultOrganizationId);
	const raw = fields.user;
	const mode =
		raw !== null && typeof raw === 'object' && 'mode' in raw
			? (raw as { mode: unknown }).mode
			: 'id';
	const value = requireText(USER_FIELD, locatorValue(raw));
	if (mode === 'email') {
		if (!/^[^\s@]+@[^\s@]+$/.test(value))
			throw new InvalidFieldError(
				USER_FIELD,
				`"${value}" is not an email address (like alex.morgan@example.com)`,
			);
		return { organizationId, email: value };
	}
	if (value.includes('@')) {
		throw new InvalidFieldError(
			USER_FIELD,
			`"${value}" looks like an email, not a user ID: choose By Email, or give the user's ID (Search Directory finds it)`,
		);
	}
	checkUserId(value, USER_FIELD);
	return { organizationId, userId: value };
}

/** `GET identity_/api/User/{userId}` (not in UiPath's guides: see above). */
export function getUserRequest(userId: string): UiPathRequestSpec {
	return { method: 'GET', path: `${USER_API}/${pathSegment(userId)}` };
}

/** `DELETE identity_/api/User/{userId}`: documented to answer 204. */
export function deleteUserRequest(userId: string): UiPathRequestSpec {
	return { method: 'DELETE', path: `${USER_API}/${pathSegment(userId)}` };
}

/** The groups one item adds the user to and removes it from. */
export interface GroupMembershipChange {
	groupIdsToAdd: string[];
	groupIdsToRemove: string[];
}

export const GROUPS_TO_ADD_FIELD = 'Groups to Add';
export const GROUPS_TO_REMOVE_FIELD = 'Groups to Remove';

/**
 * Groups to Add and Groups to Remove, each a list of picked groups (`{groupId: locator}` entries),
 * a list of group IDs, or text separated by commas, semicolons or line breaks; repeats dropped. A
 * group in both, or neither list with a group, is refused. Pure; throws InvalidFieldError.
 */
export function checkGroupMembershipChange(
	toAdd: unknown,
	toRemove: unknown,
): GroupMembershipChange {
	const groupIdsToAdd = checkGroupIds(GROUPS_TO_ADD_FIELD, toAdd);
	const groupIdsToRemove = checkGroupIds(GROUPS_TO_REMOVE_FIELD, toRemove);
	const both = groupIdsToAdd.find((id) => groupIdsToRemove.includes(id));
	if (both !== undefined)
		throw new InvalidFieldError(
			GROUPS_TO_REMOVE_FIELD,
			`group "${both}" is in Groups to Add too: give each group in one list only`,
		);
	if (groupIdsToAdd.length === 0 && groupIdsToRemove.length === 0) {
		throw new InvalidFieldError(
			GROUPS_TO_ADD_FIELD,
			'and Groups to Remove are both empty: give at least one group to add or remove',
		);
	}
	return { groupIdsToAdd, groupIdsToRemove };
}

/** One list of groups (see checkGroupMembershipChange), repeats dropped; empty when none. Pure; throws InvalidFieldError. */
export function checkGroupIds(field: string, raw: unknown): string[] {
	if (raw === undefined || raw === null || raw === '') return [];
	const entries = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;\n]/) : [raw];
	const ids: string[] = [];
	entries.forEach((entry, position) => {
		const value =
			entry !== null && typeof entry === 'object' && 'groupId' in entry
				? locatorValue((entry as { groupId: unknown }).groupId)
				: locatorValue(entry);
		if (typeof value !== 'string')
			throw new InvalidFieldError(
				field,
				`entry ${position + 1} must be a group ID, not ${describeType(value)}`,
			);
		const id = value.trim();
		if (id === '') {
			if (typeof raw === 'string') return;
			throw new InvalidFieldError(
				field,
				`entry ${position + 1} is empty: pick a group or remove the entry`,
			);
		}
		if (!ids.includes(id)) ids.push(id);
	});
	return ids;
}

/** `PUT identity_/api/User/{userId}` with the documented `groupIDsToAdd` and `groupIDsToRemove`. */
export function updateUserGroupsRequest(
	userId: string,
	change: GroupMembershipChange,
): UiPathRequestSpec {
	return {
		method: 'PUT',
		path: `${USER_API}/${pathSegment(userId)}`,
		body: { groupIDsToAdd: change.groupIdsToAdd, groupIDsToRemove: change.groupIdsToRemove },
	};
}

import {
	checkBoolean,
	InvalidFieldError,
	optionalText,
	requireText,
} from '../../shared/fieldChecks';
import { GROUP_NAME_MAX_LENGTH, membersAreNames, splitMembers } from './localGroupBody';
import { pathSegment, requireOrganizationId } from './organization';

/** One request to Identity Server: its method, its path under the Base URL (with any query), its JSON body. */
export interface UiPathRequestSpec {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	body?: object;
}

const GROUP_API = 'identity_/api/Group';

/** Get Members pages with `top`, which UiPath documents as 0 to 1000. */
export const MEMBERS_PAGE_SIZE = 1000;

/** A group of an organization, as the group endpoints name it. */
export interface GroupRef {
	organizationId: string;
	groupId: string;
}

/** One item's Group ID and Organization ID fields, as read from n8n. */
export interface GroupRefFields {
	groupId: unknown;
	/** Empty: the credential's organization, or the access token's. */
	organizationId?: unknown;
}

/** Checks an item's Group ID and organization. Pure; throws InvalidFieldError naming the field. */
export function checkGroupRef(
	fields: GroupRefFields,
	defaultOrganizationId: string | undefined,
): GroupRef {
	const groupId = requireText('Group', fields.groupId);
	return {
		organizationId: requireOrganizationId(fields.organizationId, defaultOrganizationId),
		groupId,
	};
}

/** `POST identity_/api/Group` with the documented body of Create a New Local Group (see localGroupBody.ts). */
export function createGroupRequest(body: object): UiPathRequestSpec {
	return { method: 'POST', path: GROUP_API, body };
}

/** `GET identity_/api/Group/{partitionGlobalId}/{groupId}`: one group. */
export function getGroupRequest(ref: GroupRef): UiPathRequestSpec {
	return {
		method: 'GET',
		path: `${GROUP_API}/${pathSegment(ref.organizationId)}/${pathSegment(ref.groupId)}`,
	};
}

/** `DELETE identity_/api/Group/{partitionGlobalId}/{groupId}`: documented to answer 204. */
export function deleteGroupRequest(ref: GroupRef): UiPathRequestSpec {
	return {
		method: 'DELETE',
		path: `${GROUP_API}/${pathSegment(ref.organizationId)}/${pathSegment(ref.groupId)}`,
	};
}

/** `GET identity_/api/Group/{partitionGlobalId}`: every group of the organization, as one list (no paging is documented). */
export function getGroupsRequest(organizationId: string): UiPathRequestSpec {
	return { method: 'GET', path: `${GROUP_API}/${pathSegment(organizationId)}` };
}

/** `GET identity_/api/Group/{partitionGlobalId}/{groupId}/Members?top=&skip=`: one page of members. */
export function groupMembersPageRequest(
	ref: GroupRef,
	top: number,
	skip: number,
): UiPathRequestSpec {
	if (!Number.isInteger(top) || top < 1 || top > MEMBERS_PAGE_SIZE) {
		throw new RangeError(`top must be 1 to ${MEMBERS_PAGE_SIZE}, not ${top}`);
	}
	return {
		method: 'GET',
		path: `${GROUP_API}/${pathSegment(ref.organizationId)}/${pathSegment(ref.groupId)}/Members?top=${top}&skip=${skip}`,
	};
}

/** Whether UiPath built a group in (Administrators, Everyone, …): `type` 0 in its answers, 1 for a local group. */
export function isBuiltInGroup(group: { type?: unknown }): boolean {
	return group.type === 0;
}

/** The Get Many Groups filter: text the group's name must contain (any case); empty: every group. */
export function checkNameFilter(value: unknown): string | undefined {
	return optionalText('Name Contains', value);
}

/** The groups whose name (or display name) contains the filter, in any case. */
export function filterGroupsByName<T extends { name?: unknown; displayName?: unknown }>(
	groups: T[],
	nameContains: string | undefined,
): T[] {
	if (nameContains === undefined) return groups;
	const wanted = nameContains.toLowerCase();
	return groups.filter((group) =>
		[group.name, group.displayName].some(
			(name) => typeof name === 'string' && name.toLowerCase().includes(wanted),
		),
	);
}

/** A change to a group, checked, as one `PUT identity_/api/Group/{groupId}` will send it. */
export interface GroupUpdate extends GroupRef {
	/** The new name; undefined: keep the current one, which is read first (the PUT requires a name). */
	name?: string;
	/** User IDs to add and to remove. */
	add: string[];
	remove: string[];
	/** Emails or usernames still to look up, whose user IDs then join `add` and `remove`. */
	names?: { add: string[]; remove: string[] };
	/** Whether the group may be one UiPath built in. */
	allowBuiltIn: boolean;
	/** The fields the lists came from, for messages about them. */
	addField: string;
	removeField: string;
}

/** One item's fields for Update Group, Add Members or Remove Members, as read from n8n. */
export interface GroupUpdateFields extends GroupRefFields {
	name?: unknown;
	add?: unknown;
	remove?: unknown;
	membersAre?: unknown;
	/** Members picked From List: user IDs, whatever Members Are says. */
	picked?: ReadonlySet<string>;
	/** Additional Fields > Allow Built-In Groups. */
	allowBuiltIn?: unknown;
}

/**
 * Checks one item's change to a group. `mode` says what must be there: members to add (Add
 * Members), members to remove (Remove Members), or any change (Update Group). Pure.
 */
export function checkGroupUpdate(
	fields: GroupUpdateFields,
	defaultOrganizationId: string | undefined,
	mode: { kind: 'add' | 'remove' | 'update'; addField: string; removeField: string },
): GroupUpdate {
	const ref = checkGroupRef(fields, defaultOrganizationId);
	const name = optionalText('Name', fields.name, { maxLength: GROUP_NAME_MAX_LENGTH });
	const byName = membersAreNames(fields.membersAre);
	const add = splitMembers(fields.add, byName, mode.addField, fields.picked);
	const remove = splitMembers(fields.remove, byName, mode.removeField, fields.picked);
	const adding = [...add.ids, ...add.names];
	const removing = [...remove.ids, ...remove.names];
	const nothing = byName ? 'give at least one email or username' : 'give at least one user ID';
	if (mode.kind === 'add' && adding.length === 0)
		throw new InvalidFieldError(mode.addField, `is empty: ${nothing}`);
	if (mode.kind === 'remove' && removing.length === 0) {
		throw new InvalidFieldError(mode.removeField, `is empty: ${nothing}`);
	}
	if (
		mode.kind === 'update' &&
		name === undefined &&
		adding.length === 0 &&
		removing.length === 0
	) {
		throw new InvalidFieldError(
			'Update Fields',
			'has nothing to change: set Name, Members to Add or Members to Remove',
		);
	}
	const added = new Set(adding.map((member) => member.toLowerCase()));
	const both = removing.find((member) => added.has(member.toLowerCase()));
	if (both !== undefined) {
		throw new InvalidFieldError(
			mode.removeField,
			`"${both}" is also in ${mode.addField}: add or remove it, not both`,
		);
	}
	return {
		...ref,
		...(name === undefined ? {} : { name }),
		add: add.ids,
		remove: remove.ids,
		...(add.names.length + remove.names.length > 0
			? { names: { add: add.names, remove: remove.names } }
			: {}),
		allowBuiltIn: checkBoolean('Allow Built-In Groups', fields.allowBuiltIn, false),
		addField: mode.addField,
		removeField: mode.removeField,
	};
}

/**
 * `PUT identity_/api/Group/{groupId}` with the organization in the body, as UiPath's reference and
 * SDK have it (the guide's own cURL example puts the organization in the path too). `name` is
 * required by UiPath on every update: the new one, or the group's current one.
 */
export function updateGroupRequest(
	update: GroupUpdate,
	currentName: string | undefined,
): UiPathRequestSpec {
	const name = update.name ?? currentName;
	if (name === undefined) throw new Error('updateGroupRequest needs the group name');
	return {
		method: 'PUT',
		path: `${GROUP_API}/${pathSegment(update.groupId)}`,
		// In the order of the documented example.
		body: {
			partitionGlobalId: update.organizationId,
			name,
			directoryUserIDsToAdd: update.add,
			directoryUserIDsToRemove: update.remove,
		},
	};
}

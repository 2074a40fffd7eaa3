import { InvalidFieldError, optionalText, requireText } from '../../shared/fieldChecks';
import { locatorValue } from '../../shared/locatorValue';
import type { UiPathRequestSpec } from './groupRequests';
import { GROUP_NAME_MAX_LENGTH } from './localGroupBody';
import { pathSegment, requireOrganizationId } from './organization';
import { checkGroupIds, type GroupMembershipChange } from './userRequests';

/**
 * The robot account requests, as UiPath's API guides document them (Automation Cloud, Automation
 * Suite, and a standalone Orchestrator under `identity/`; scopes PM.RobotAccount, or
 * PM.RobotAccount.Read / PM.RobotAccount.Write). A robot account joins groups through its own
 * `groupIDsToAdd`: the Group API takes user IDs only.
 *
 * - Get All Robot Accounts, `GET identity_/api/RobotAccount/{partitionGlobalId}?searchTerm=&top=&skip=&sortBy=&sortOrder=`
 *   (the endpoint line omits the organization; the path parameter and the example have it). The
 *   answer is documented only as "the queried robot accounts": the node reads `{totalCount,
 *   results}`, as UiPath's other paged lists answer.
 * - Get Specific Robot Account, `GET identity_/api/RobotAccount/{partitionGlobalId}/{robotAccountId}`.
 * - Create a New Robot Account, `POST identity_/api/RobotAccount` `{partitionGlobalId, id, name,
 *   groupIDsToAdd}` (201); the example adds `displayName`. As with local groups, the node sends an ID
 *   of its own making unless one is given.
 * - Update Robot Account, `PUT identity_/api/RobotAccount/{robotAccountId}` `{partitionGlobalId,
 *   displayName, groupIDsToAdd, groupIDsToRemove}` (200; the endpoint line says `…/Setting`, the path
 *   parameter and the example `…/RobotAccount/{robotAccountId}`). The guides do not say whether a
 *   missing displayName is kept, so the node always sends one: the new one, or the current one.
 * - Delete Specific Robot Account, `DELETE identity_/api/RobotAccount/{partitionGlobalId}/{robotAccountId}` (204).
 */

const ROBOT_ACCOUNT_API = 'identity_/api/RobotAccount';

export const ROBOT_ACCOUNT_FIELD = 'Robot Account';
export const ROBOT_GROUPS_FIELD = 'Groups';

/** A robot account of an organization. */
export interface RobotAccountRef {
	organizationId: string;
	robotAccountId: string;
}

/** Checks an item's robot account (a locator or an ID) and organization. Pure; throws InvalidFieldError. */
export function checkRobotAccountRef(
	robotAccount: unknown,
	organizationId: unknown,
	fallback: string | undefined,
): RobotAccountRef {
	const robotAccountId = requireText(ROBOT_ACCOUNT_FIELD, locatorValue(robotAccount));
	if (/[/?#]/.test(robotAccountId))
		throw new InvalidFieldError(
			ROBOT_ACCOUNT_FIELD,
			`"${robotAccountId}" is not a robot account ID`,
		);
	return { organizationId: requireOrganizationId(organizationId, fallback), robotAccountId };
}

/** The options of one page of Get All Robot Accounts. */
export interface RobotAccountPage {
	searchTerm?: string;
	top: number;
	skip: number;
	sortBy?: string;
	sortOrder?: 'asc' | 'desc';
}

/** The most robot accounts the node asks for in one page (UiPath documents no cap; its other lists allow 1000). */
export const ROBOT_ACCOUNTS_PAGE_SIZE = 100;

/** `GET identity_/api/RobotAccount/{partitionGlobalId}?searchTerm=&top=&skip=&sortBy=&sortOrder=`, in the documented order. */
export function listRobotAccountsRequest(
	organizationId: string,
	page: RobotAccountPage,
): UiPathRequestSpec {
	const query = [
		...(page.searchTerm === undefined ? [] : [`searchTerm=${encodeURIComponent(page.searchTerm)}`]),
		`top=${page.top}`,
		`skip=${page.skip}`,
		...(page.sortBy === undefined ? [] : [`sortBy=${encodeURIComponent(page.sortBy)}`]),
		...(page.sortOrder === undefined ? [] : [`sortOrder=${page.sortOrder}`]),
	];
	return {
		method: 'GET',
		path: `${ROBOT_ACCOUNT_API}/${pathSegment(organizationId)}?${query.join('&')}`,
	};
}

/** `GET identity_/api/RobotAccount/{partitionGlobalId}/{robotAccountId}`. */
export function getRobotAccountRequest(ref: RobotAccountRef): UiPathRequestSpec {
	return {
		method: 'GET',
		path: `${ROBOT_ACCOUNT_API}/${pathSegment(ref.organizationId)}/${pathSegment(ref.robotAccountId)}`,
	};
}

/** `DELETE identity_/api/RobotAccount/{partitionGlobalId}/{robotAccountId}`: documented to answer 204. */
export function deleteRobotAccountRequest(ref: RobotAccountRef): UiPathRequestSpec {
	return {
		method: 'DELETE',
		path: `${ROBOT_ACCOUNT_API}/${pathSegment(ref.organizationId)}/${pathSegment(ref.robotAccountId)}`,
	};
}

/** A new robot account, checked. */
export interface NewRobotAccount {
	organizationId: string;
	id: string;
	name: string;
	displayName?: string;
	groupIds: string[];
}

/** Checks Create Robot Account's fields; `newId` makes the ID when none is given. Pure but for `newId`. */
export function checkNewRobotAccount(
	fields: {
		name: unknown;
		displayName?: unknown;
		id?: unknown;
		groups?: unknown;
		organizationId?: unknown;
	},
	defaultOrganizationId: string | undefined,
	newId: () => string,
): NewRobotAccount {
	const name = requireText('Name', fields.name, { maxLength: GROUP_NAME_MAX_LENGTH });
	const displayName = optionalText('Display Name', fields.displayName, {
		maxLength: GROUP_NAME_MAX_LENGTH,
	});
	const id = optionalText('Robot Account ID', fields.id) ?? newId();
	const groupIds = checkGroupIds(ROBOT_GROUPS_FIELD, fields.groups);
	return {
		organizationId: requireOrganizationId(fields.organizationId, defaultOrganizationId),
		id,
		name,
		...(displayName === undefined ? {} : { displayName }),
		groupIds,
	};
}

/** `POST identity_/api/RobotAccount` with the documented body (and the example's displayName when given). */
export function createRobotAccountRequest(robot: NewRobotAccount): UiPathRequestSpec {
	return {
		method: 'POST',
		path: ROBOT_ACCOUNT_API,
		body: {
			partitionGlobalId: robot.organizationId,
			id: robot.id,
			name: robot.name,
			...(robot.displayName === undefined ? {} : { displayName: robot.displayName }),
			groupIDsToAdd: robot.groupIds,
		},
	};
}

/** `PUT identity_/api/RobotAccount/{robotAccountId}` with the documented body, in the example's order. */
export function updateRobotAccountRequest(
	ref: RobotAccountRef,
	displayName: string,
	change: GroupMembershipChange,
): UiPathRequestSpec {
	return {
		method: 'PUT',
		path: `${ROBOT_ACCOUNT_API}/${pathSegment(ref.robotAccountId)}`,
		body: {
			partitionGlobalId: ref.organizationId,
			displayName,
			groupIDsToAdd: change.groupIdsToAdd,
			groupIDsToRemove: change.groupIdsToRemove,
		},
	};
}

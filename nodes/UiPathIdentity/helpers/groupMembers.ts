import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isNotFound } from '../../shared/ifNotFound';
import { collectOffsetPages, type ResultLimit } from '../../shared/paging';
import { apiError } from '../../shared/transport/apiErrors';
import {
	getGroupRequest,
	groupMembersPageRequest,
	MEMBERS_PAGE_SIZE,
	type GroupRef,
} from '../requests/groupRequests';
import { serviceUrl, uiPathRequest, type UiPathConnection } from '../transport';
import { groupFailureMessages, membersListFailureMessages } from '../transport/failureMessages';

/**
 * A group's members, read as few times as UiPath allows. Get Group's documented answer carries
 * `members` (in the Automation Suite guides and the Automation Cloud ones), while `…/Members`
 * (paged) is documented for Automation Cloud only. So a group already read gives its members when
 * its answer holds a `members` list; only an answer without one sends the node to `…/Members`.
 * UiPath documents no cap on Get Group's `members`, so a list that is there is taken as whole.
 */

/** The members Get Group's answer lists, or undefined when it has no `members` list. */
export function membersInGroupAnswer(group: IDataObject): IDataObject[] | undefined {
	const { members } = group;
	if (!Array.isArray(members)) return undefined;
	return members.filter(
		(member): member is IDataObject =>
			typeof member === 'object' && member !== null && !Array.isArray(member),
	);
}

/** The user IDs of members as UiPath lists them: `identifier` (Get Group, Directory Search), else `id`. */
export function memberIdsOf(members: IDataObject[]): string[] {
	return members.flatMap((member) => {
		const id = member.identifier ?? member.id;
		return typeof id === 'string' && id !== '' ? [id] : [];
	});
}

/**
 * A group's members, given its Get Group answer: the answer's `members`, or, when it has none,
 * `…/Members`, page after page. The group was just read, so a 404 there means the server has no
 * such endpoint (an Automation Suite), and the message says so.
 */
export async function membersOfGroup(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	ref: GroupRef,
	group: IDataObject,
	itemIndex: number,
): Promise<IDataObject[]> {
	const listed = membersInGroupAnswer(group);
	if (listed !== undefined) return listed;
	return await collectOffsetPages<IDataObject>(
		{ returnAll: true },
		MEMBERS_PAGE_SIZE,
		async (offset, pageSize) => {
			return await uiPathRequest(
				context,
				connection,
				groupMembersPageRequest(ref, pageSize, offset),
				itemIndex,
				{
					expect: 'page',
					messages: membersListFailureMessages(ref),
				},
			);
		},
	);
}

/** The user IDs of a group's members, given its Get Group answer (see membersOfGroup). */
export async function memberIdsOfGroup(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	ref: GroupRef,
	group: IDataObject,
	itemIndex: number,
): Promise<string[]> {
	return memberIdsOf(await membersOfGroup(context, connection, ref, group, itemIndex));
}

/**
 * Runs in which `…/Members` answered 404 for a group Get Group then found: the server has no such
 * endpoint, so the run's later Get Members read the group straight away.
 */
const runsWithoutMembersEndpoint = new WeakSet<UiPathConnection>();

/**
 * Get Members: `…/Members`, page after page up to the limit. Where it answers 404, the group is
 * read (Get Group): not there, and the item fails with "no group"; there, and its `members` are
 * the answer, cut to the limit here (an Automation Suite, whose guides document no `…/Members`).
 */
export async function listGroupMembers(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	ref: GroupRef,
	limit: ResultLimit,
	itemIndex: number,
): Promise<IDataObject[]> {
	if (!runsWithoutMembersEndpoint.has(connection)) {
		try {
			return await collectOffsetPages<IDataObject>(
				limit,
				MEMBERS_PAGE_SIZE,
				async (offset, pageSize) => {
					return await uiPathRequest(
						context,
						connection,
						groupMembersPageRequest(ref, pageSize, offset),
						itemIndex,
						{
							expect: 'page',
							messages: groupFailureMessages(ref, 'read'),
						},
					);
				},
			);
		} catch (error) {
			// The transport's own NodeApiError, passed on unless the group is to be read instead.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (!isNotFound(error)) throw error;
		}
	}
	const group = await uiPathRequest(context, connection, getGroupRequest(ref), itemIndex, {
		expect: 'object',
		messages: groupFailureMessages(ref, 'read'),
	});
	runsWithoutMembersEndpoint.add(connection);
	const members = membersInGroupAnswer(group);
	if (members === undefined) {
		throw apiError(context.getNode(), {}, itemIndex, {
			message: `UiPath gives no members of group "${ref.groupId}": it has no Get Members (HTTP 404), and its answer for the group lists none`,
			description: `From ${serviceUrl(connection, getGroupRequest(ref).path)}, which has no "members" list.`,
		});
	}
	return limit.returnAll ? members : members.slice(0, limit.limit);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createOrUseExisting } from '../../shared/createOrUseExisting';
import type { Operation, OperationListing, PreparedItem } from '../../shared/operation';
import {
	attributeValues,
	distinguishedNameIn,
	type DirectoryObject,
} from '../requests/directoryObjects';
import {
	differencesFromExisting,
	existingGroupSearch,
	ownerDnToLookUp,
	pickExistingGroup,
	updateToMatchRequest,
	type IfGroupExists,
	type OwnerGuid,
} from '../requests/existingGroup';
import { readQueuedChange } from '../requests/queuedChange';
import { groupIdRequest, type GroupIdConnection } from '../transport';
import { readLookupResults } from '../transport/directoryReads';
import { findObjectGuid } from './memberLookup';
import { resolveOwners, type WithOwnerByName } from './ownerLookup';
import { resolvePeople } from './entraPeopleLookup';
import {
	createSimplifyProperty,
	ifGroupExistsProperty,
	readIfGroupExists,
	readSimplify,
} from '../descriptions/createFields';
import { readStoreType } from '../descriptions/storeTypeFields';

/** What both creates (Smart Group, Static Group) have prepared: where the group goes, and its body. */
export interface GroupCreateRequest {
	identityStoreId: number;
	groupName: string;
	container: string;
	body: {
		AttributesCollection: { AttributesCollection: Record<string, Array<{ Value: string }>> };
	};
	/** In an Entra ID store: the owners and members sent (object GUIDs). */
	owners?: string[];
	members?: string[];
}

/** What a create has prepared, with its output and "if the group already exists" choices. */
export type PreparedGroupCreate = GroupCreateRequest & {
	simplify: boolean;
	ifGroupExists: IfGroupExists;
};

/**
 * A create operation (Smart Group, Static Group): its own fields and builder, then the fields and
 * steps every create shares: If the Group Already Exists, Simplify, and the send.
 */
export function groupCreateOperation<TRequest extends GroupCreateRequest>(spec: {
	listing: Omit<OperationListing, 'value'>;
	properties: INodeProperties[];
	/** Reads and checks one item's own fields into its request; an owner given by name is found in the resolve step (see prepareWithOwner). */
	request(context: IExecuteFunctions, itemIndex: number, connection: GroupIdConnection): TRequest;
	/** The same in an Entra ID store (Identity Store Type); owners and members given by name are found in the resolve step (see prepareWithPeople). */
	entraRequest(
		context: IExecuteFunctions,
		itemIndex: number,
		connection: GroupIdConnection,
	): TRequest;
	path(identityStoreId: number): string;
}): Operation<GroupIdConnection, TRequest & { simplify: boolean; ifGroupExists: IfGroupExists }> {
	return {
		listing: { value: 'create', ...spec.listing },
		properties: [...spec.properties, ifGroupExistsProperty, createSimplifyProperty],
		prepare: (context, itemIndex, connection) => ({
			...(readStoreType(context, itemIndex) === 'entraId' ? spec.entraRequest : spec.request)(
				context,
				itemIndex,
				connection,
			),
			simplify: readSimplify(context, itemIndex),
			ifGroupExists: readIfGroupExists(context, itemIndex),
		}),
		resolve: resolveOwnersAndPeople,
		send: async (context, connection, request, itemIndex) =>
			await sendGroupCreate(
				context,
				connection,
				spec.path(request.identityStoreId),
				request,
				itemIndex,
			),
	};
}

/**
 * The resolve step of a create: an Active Directory owner given by name (see resolveOwners), then
 * Entra ID owners and members given by name (see resolvePeople), each looked up once per run.
 */
async function resolveOwnersAndPeople<T>(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<T>>,
): Promise<Array<T | Error>> {
	// Both steps pass on, as they are, items without names to look up.
	const withOwners = await resolveOwners<T>(
		context,
		connection,
		items as Array<PreparedItem<WithOwnerByName<T>>>,
	);
	const left = items.flatMap(({ itemIndex }, index) => {
		const outcome = withOwners[index];
		return outcome instanceof Error ? [] : [{ itemIndex, prepared: outcome }];
	});
	const withPeople = await resolvePeople<T>(context, connection, left);
	let next = 0;
	return withOwners.map((outcome) =>
		outcome instanceof Error ? outcome : (withPeople[next++] as T | Error),
	);
}

/**
 * Sends a create to `path` and gives the output item. Simplified: the new group's GUID (the
 * envelope's `data`), name, distinguished name, container, type, security, criteria (a Smart
 * Group's) and store. Otherwise GroupID's envelope as it came. Either way `alreadyExisted`; and
 * `pending: true` with `workflowRequestId` when GroupID queued the create for approval.
 *
 * When GroupID refuses the create and a group of that name is then found in the store (one
 * search, only after a refusal), the existing group is used, or updated to match, unless the
 * item says to fail. Such a create is safe to send twice, so it may be retried.
 */
export async function sendGroupCreate(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	path: string,
	request: PreparedGroupCreate,
	itemIndex: number,
): Promise<IDataObject> {
	return await createOrUseExisting<DirectoryObject>({
		usesExisting: request.ifGroupExists !== 'fail',
		dryRun: connection.dryRun !== undefined,
		async create() {
			const envelope = await groupIdRequest(
				context,
				connection,
				{ method: 'POST', path, body: request.body },
				itemIndex,
				{
					idempotent: request.ifGroupExists !== 'fail',
				},
			);
			// A create GroupID queued for approval (see readQueuedChange) has no group yet: no GUID, pending.
			const queued = readQueuedChange(envelope);
			const created = request.simplify
				? createdGroupSummary(request, queued ? null : envelope.data)
				: (envelope as unknown as IDataObject);
			return queued
				? { ...created, pending: true, workflowRequestId: queued.workflowRequestId }
				: created;
		},
		mayBeDuplicate: isRefusal,
		findExisting: async () => await findExistingGroup(context, connection, request, itemIndex),
		useExisting: async (existing) =>
			await useExistingGroup(context, connection, request, existing, itemIndex),
	});
}

/** An answer of GroupID's that refused the create (not a rate limit, nor the credential's failure). */
function isRefusal(error: unknown): boolean {
	return (
		error instanceof NodeApiError &&
		typeof error.httpCode === 'string' &&
		!['401', '403', '429'].includes(error.httpCode)
	);
}

/** The group of the create's name in its store, found with one documented Search; undefined if none. */
export async function findExistingGroup(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	request: GroupCreateRequest,
	itemIndex: number,
): Promise<DirectoryObject | undefined> {
	const search = existingGroupSearch(request.groupName, request.identityStoreId);
	return pickExistingGroup(search, await readLookupResults(context, connection, search, itemIndex));
}

/** The output for an existing group: it as found, what differs, and, to update it, one PATCH. */
async function useExistingGroup(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	request: PreparedGroupCreate,
	existing: DirectoryObject,
	itemIndex: number,
): Promise<IDataObject> {
	const groupGuid = String(existing.objectIdFromIdentityStore ?? '');
	const sent = request.body.AttributesCollection.AttributesCollection;
	// The owner asked for as a GUID, held as a DN (or the other way round): the DN's GUID, one search.
	const ownerDn = ownerDnToLookUp(sent, existing);
	let owner: OwnerGuid | undefined;
	if (ownerDn !== undefined) {
		const lookup = { attribute: 'distinguishedName', value: ownerDn } as const;
		const match = await findObjectGuid(
			context,
			connection,
			request.identityStoreId,
			lookup,
			itemIndex,
		);
		owner = { dn: ownerDn, guid: 'guid' in match ? match.guid : undefined };
	}
	const differences = differencesFromExisting(sent, existing, owner);
	let updated: string[] = [];
	if (
		request.ifGroupExists === 'update' &&
		differences.some((difference) => difference.updatable)
	) {
		const patch = updateToMatchRequest(request.identityStoreId, groupGuid, differences);
		await groupIdRequest(context, connection, patch, itemIndex);
		updated = patch.changed;
	}
	const found = request.simplify
		? existingGroupSummary(request, existing)
		: { existing: existing as IDataObject };
	return {
		...found,
		alreadyExisted: true,
		differences: differences.map(({ attribute, requested, existing: value }) => ({
			attribute,
			requested,
			existing: value,
		})),
		...(request.ifGroupExists === 'update' ? { updated } : {}),
	};
}

/** The simplified output for an existing group, from what the search loaded (names read ignoring case). Pure. */
function existingGroupSummary(request: GroupCreateRequest, existing: DirectoryObject): IDataObject {
	const text = (name: string) => {
		const values = attributeValues(existing, name);
		return values.length === 0 ? null : values.map(String).join('; ');
	};
	const groupType = text('groupType');
	const criteria = text('IMSGCriteria');
	return {
		groupGuid:
			typeof existing.objectIdFromIdentityStore === 'string'
				? existing.objectIdFromIdentityStore
				: null,
		groupName: text('name') ?? request.groupName,
		distinguishedName: text('distinguishedName'),
		container: request.container,
		groupType: groupType === null ? null : Number(groupType),
		security: text('XGroupSecurity'),
		...(criteria === null ? {} : { criteria }),
		identityStoreId: request.identityStoreId,
	};
}

/**
 * The simplified output of a create: what was asked for, and the GUID GroupID gave the group.
 * Its distinguished name escapes the CN (a name may start with #; a CN may hold a comma). Pure.
 */
export function createdGroupSummary(request: GroupCreateRequest, groupGuid: unknown): IDataObject {
	const attributes = request.body.AttributesCollection.AttributesCollection;
	const first = (...names: string[]) =>
		names.map((name) => attributes[name]?.[0]?.Value).find((v) => v !== undefined);
	const groupType = first('GroupType', 'groupType');
	const criteria = first('IMSGCriteria');
	const entra = request.owners !== undefined && request.members !== undefined;
	return {
		groupGuid: typeof groupGuid === 'string' ? groupGuid : null,
		groupName: request.groupName,
		// An Entra ID group's distinguished name is GroupID's to give: the create's answer does not say it.
		distinguishedName: entra
			? null
			: distinguishedNameIn(request.container, first('CN') ?? request.groupName),
		container: request.container,
		groupType: groupType === undefined ? null : Number(groupType),
		security: first('XGroupSecurity') ?? null,
		...(criteria === undefined ? {} : { criteria }),
		...(entra ? { owners: request.owners, members: request.members } : {}),
		identityStoreId: request.identityStoreId,
	};
}

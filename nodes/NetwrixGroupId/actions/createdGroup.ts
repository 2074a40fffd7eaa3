import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkBoolean } from '../requests/attributeValues';
import { groupIdRequest, type GroupIdConnection } from '../transport';

/** What both creates (Smart Group, Static Group) have prepared: where the group goes, and its body. */
export interface GroupCreateRequest {
	identityStoreId: number;
	groupName: string;
	container: string;
	body: { AttributesCollection: { AttributesCollection: Record<string, Array<{ Value: string }>> } };
}

/** Reads a create's Simplify switch (on unless turned off). */
export function readSimplify(context: IExecuteFunctions, itemIndex: number): boolean {
	return checkBoolean('Simplify', context.getNodeParameter('simplify', itemIndex, true), true);
}

/** The Group Name field of a create. */
export function groupNameProperty(placeholder: string, description: string): INodeProperties {
	return {
		displayName: 'Group Name',
		name: 'groupName',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
	};
}

/**
 * Sends a create to `path` and gives the output item. Simplified: the new group's GUID (the
 * envelope's `data`), name, distinguished name, container, type, security, criteria (a Smart
 * Group's) and store. Otherwise GroupID's envelope as it came.
 */
export async function sendGroupCreate(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	path: string,
	request: GroupCreateRequest & { simplify: boolean },
	itemIndex: number,
): Promise<IDataObject> {
	const envelope = await groupIdRequest(context, connection, 'POST', path, request.body, itemIndex);
	return request.simplify ? createdGroupSummary(request, envelope.data) : (envelope as unknown as IDataObject);
}

/** The simplified output of a create: what was asked for, and the GUID GroupID gave the group. Pure. */
export function createdGroupSummary(request: GroupCreateRequest, groupGuid: unknown): IDataObject {
	const attributes = request.body.AttributesCollection.AttributesCollection;
	const first = (...names: string[]) => names.map((name) => attributes[name]?.[0]?.Value).find((v) => v !== undefined);
	const groupType = first('GroupType', 'groupType');
	const criteria = first('IMSGCriteria');
	return {
		groupGuid: typeof groupGuid === 'string' ? groupGuid : null,
		groupName: request.groupName,
		distinguishedName: `CN=${first('CN') ?? request.groupName},${request.container}`,
		container: request.container,
		groupType: groupType === undefined ? null : Number(groupType),
		security: first('XGroupSecurity') ?? null,
		...(criteria === undefined ? {} : { criteria }),
		identityStoreId: request.identityStoreId,
	};
}

/** A create's Simplify switch, as n8n's own nodes offer it. */
export const createSimplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to return the new group's GUID, name, distinguished name, type, security, criteria and identity store instead of GroupID's whole answer",
};

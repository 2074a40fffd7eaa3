import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupIdRequest, type GroupIdConnection } from '../transport';

/** What both creates (Smart Group, Static Group) have prepared: where the group goes, and its body. */
export interface GroupCreateRequest {
	identityStoreId: number;
	groupName: string;
	container: string;
	body: object;
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

/** The Container field of a create. */
export const containerProperty: INodeProperties = {
	displayName: 'Container',
	name: 'container',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. OU=Groups,DC=demo,DC=local',
	description: 'Distinguished name of the organizational unit in which the group is created',
};

/**
 * Sends a create to `path` and gives the output item: the new group's GUID (the envelope's
 * `data`), its name, container and store, and GroupID's whole envelope.
 */
export async function sendGroupCreate(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	path: string,
	request: GroupCreateRequest,
	itemIndex: number,
): Promise<IDataObject> {
	const envelope = await groupIdRequest(context, connection, 'POST', path, request.body, itemIndex);
	return {
		groupGuid: envelope.data as string,
		groupName: request.groupName,
		container: request.container,
		identityStoreId: request.identityStoreId,
		response: envelope as unknown as IDataObject,
	};
}

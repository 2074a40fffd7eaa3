import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../shared/operation';
import { DEFAULT_NOTES } from '../requests/smartGroupBody';
import type { GroupIdConnection } from '../transport';
import type { PreparedGroupCreate } from './createOperation';

/*
 * Version 1 of the node was saved in two layouts. The first release (0.1.0) had Create Smart Group
 * only: Notes a top-level field whose default was the sample's text, Container and Owner plain text,
 * and an output of { groupGuid, groupName, container, identityStoreId, response }; a group of that
 * name already there failed the item. From 0.2.0 on, Notes sit in Additional Fields and Container
 * is a picker, whose saved value is an object ({ __rl, mode, value }) where the first release saved
 * text. That is how a version-1 node tells the two apart: a Container saved as text is the first
 * release's layout, and runs as it did then. Version 1.1 has only today's layout.
 */

/** The first release's Notes: kept (hidden) so that n8n does not drop a saved value, shown nowhere. */
export const firstReleaseNotesProperty: INodeProperties = {
	displayName: 'Notes (Version 1, First Release)',
	name: 'notes',
	type: 'hidden',
	default: DEFAULT_NOTES,
	displayOptions: { show: { '@version': [1] } },
};

/** Whether this item's node was saved in the first release's layout (see above). */
export function isFirstReleaseLayout(context: IExecuteFunctions, itemIndex: number): boolean {
	if (context.getNode().typeVersion !== 1) return false;
	return (
		typeof context.getNodeParameter('container', itemIndex, '', { rawExpressions: true }) ===
		'string'
	);
}

/** The Notes a first-release node sends: its top-level field, the sample's text unless changed. */
export function firstReleaseNotes(context: IExecuteFunctions, itemIndex: number): unknown {
	return context.getNodeParameter('notes', itemIndex, DEFAULT_NOTES);
}

type CreateOperation<T extends PreparedGroupCreate> = Operation<
	GroupIdConnection,
	T & { firstRelease?: boolean }
>;

/**
 * A create that runs a first-release node as that release did: a group of that name already there
 * fails the item, and the output is the first release's. Other nodes run the create unchanged.
 */
export function runsFirstReleaseLayout<T extends PreparedGroupCreate>(
	create: CreateOperation<T>,
): CreateOperation<T> {
	return {
		...create,
		prepare(context, itemIndex, connection) {
			const prepared = create.prepare(context, itemIndex, connection);
			if (!isFirstReleaseLayout(context, itemIndex)) return prepared;
			return { ...prepared, firstRelease: true, ifGroupExists: 'fail', simplify: false };
		},
		async send(context, connection, request, itemIndex) {
			const output = await create.send(context, connection, request, itemIndex);
			return request.firstRelease === true
				? firstReleaseOutput(request, output as IDataObject)
				: output;
		},
	};
}

/** The first release's output of a create: what was asked for, GroupID's GUID for it, and its whole answer. */
export function firstReleaseOutput(
	request: PreparedGroupCreate,
	envelope: IDataObject,
): IDataObject {
	const response = { ...envelope };
	delete response.alreadyExisted;
	return {
		groupGuid: response.data as string,
		groupName: request.groupName,
		container: request.container,
		identityStoreId: request.identityStoreId,
		response,
	};
}

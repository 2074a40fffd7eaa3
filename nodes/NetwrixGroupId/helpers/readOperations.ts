import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkBoolean } from '../../shared/fieldChecks';
import type { Operation, OperationListing } from '../../shared/operation';
import { readResultLimit, type ResultLimit } from '../../shared/paging';
import type { ApiRequest } from '../../shared/transport/sendRequest';
import { flattenDirectoryObject, type DirectoryObject } from '../requests/directoryObjects';
import type { ObjectIdentity } from '../requests/groupIdentity';
import type { GroupIdConnection } from '../transport';
import { collectDirectoryPages, readDirectoryObject } from '../transport/directoryReads';

/**
 * Operations that read directory objects: a list of them (Get Many, Preview Membership, with a
 * factory) or one (Get a group or a user, with its send step).
 */

/** What a list operation prepares for one item: its query, how many results, and their shape. */
export interface PreparedList<TQuery> {
	query: TQuery;
	limit: ResultLimit;
	simplify: boolean;
}

/**
 * A list operation (Get Many, Preview Membership): its query, read page after page up to the
 * item's Return All or Limit, one output item per directory object (those `keep` accepts, when
 * given), flat (Simplify) or as GroupID sent it. `missing` is the message for an answer that holds
 * no list.
 */
export function directoryListOperation<TQuery>(spec: {
	listing: OperationListing;
	properties: INodeProperties[];
	query(context: IExecuteFunctions, itemIndex: number, connection: GroupIdConnection): TQuery;
	page(query: TQuery, pageNo: number, pageSize: number): ApiRequest;
	keep?(query: TQuery, object: DirectoryObject): boolean;
	missing: string;
}): Operation<GroupIdConnection, PreparedList<TQuery>> {
	return {
		listing: spec.listing,
		properties: spec.properties,
		prepare: (context, itemIndex, connection) => ({
			query: spec.query(context, itemIndex, connection),
			limit: readResultLimit(context, itemIndex),
			simplify: checkBoolean(
				'Simplify',
				context.getNodeParameter('simplify', itemIndex, true),
				true,
			),
		}),
		async send(context, connection, { query, limit, simplify }, itemIndex) {
			const page = (pageNo: number, pageSize: number) => spec.page(query, pageNo, pageSize);
			const keep = spec.keep && ((object: DirectoryObject) => spec.keep!(query, object));
			const objects = await collectDirectoryPages(context, connection, limit, page, itemIndex, {
				missing: spec.missing,
				keep,
			});
			return objects.map(
				(object) => (simplify ? flattenDirectoryObject(object) : object) as IDataObject,
			);
		},
	};
}

/**
 * The send step of an operation that reads one object (Get a group, Get a user): the object, flat
 * (Simplify, made by `flat`) or as GroupID sent it. An answer without one fails the item, naming
 * the object asked for.
 */
export function sendObjectRead<
	TRequest extends ApiRequest & { identity: ObjectIdentity; simplify: boolean },
>(
	noun: 'group' | 'user',
	flat: (object: DirectoryObject) => Record<string, unknown>,
): Operation<GroupIdConnection, TRequest>['send'] {
	return async (context, connection, request, itemIndex) => {
		const missing = `GroupID returned no ${noun} for "${request.identity.value}"`;
		const object = await readDirectoryObject(context, connection, request, itemIndex, missing);
		return (request.simplify ? flat(object) : object) as IDataObject;
	};
}

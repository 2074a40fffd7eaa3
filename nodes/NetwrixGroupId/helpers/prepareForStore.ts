import type { IExecuteFunctions } from 'n8n-workflow';

import type { GroupIdConnection } from '../transport';

/**
 * An operation's prepare step as most of GroupID's are: read one item's fields, then have the
 * pure builder check them and build the request for the credential's identity store.
 */
export function prepareForStore<TFields, TRequest>(
	read: (context: IExecuteFunctions, itemIndex: number) => TFields,
	build: (fields: TFields, defaults: { identityStoreId: number }) => TRequest,
): (context: IExecuteFunctions, itemIndex: number, connection: GroupIdConnection) => TRequest {
	return (context, itemIndex, connection) =>
		build(read(context, itemIndex), { identityStoreId: connection.identityStoreId });
}

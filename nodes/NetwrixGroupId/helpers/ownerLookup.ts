import type { IExecuteFunctions } from 'n8n-workflow';

import { lookUpNamesOnce } from '../../shared/nameLookup';
import type { PreparedItem } from '../../shared/operation';
import { ownerLookup, type MemberIdentifier } from '../requests/memberIdentifiers';
import type { GroupIdConnection } from '../transport';
import { foundGuidOrError, personLookup } from './memberLookup';

type OwnerName = Extract<MemberIdentifier, { kind: 'lookup' }>;

const OWNER_NOT_YET_FOUND = '00000000-0000-0000-0000-000000000000';

/** A prepared request whose owner is given by name: the name, and how to build the request again with the owner's GUID. */
export type WithOwnerByName<TRequest> = TRequest & {
	ownerByName?: {
		owner: OwnerName;
		identityStoreId: number;
		withOwner(ownerGuid: string): TRequest;
	};
};

/**
 * The prepare step of an operation with an Owner field (the creates, Update): read one item's
 * fields and build its request. An owner given by email, sAMAccountName or (where only a GUID is
 * sent) DN is found in the resolve step, as members are, and the request built
 * again once its GUID is known.
 */
export function prepareWithOwner<TFields extends { owner?: unknown }, TRequest>(
	read: (context: IExecuteFunctions, itemIndex: number) => TFields,
	build: (fields: TFields, defaults: { identityStoreId: number }) => TRequest,
	options: { ownerMayBeDn: boolean; field?: string },
): (
	context: IExecuteFunctions,
	itemIndex: number,
	connection: GroupIdConnection,
) => WithOwnerByName<TRequest> {
	return (context, itemIndex, connection) => {
		const fields = read(context, itemIndex);
		const defaults = { identityStoreId: connection.identityStoreId };
		const owner = ownerLookup(fields.owner, options);
		if (owner === undefined) return build(fields, defaults) as WithOwnerByName<TRequest>;
		const withOwner = (ownerGuid: string) => build({ ...fields, owner: ownerGuid }, defaults);
		// Built once with a stand-in GUID, never sent, so that every other field is checked now.
		return {
			...withOwner(OWNER_NOT_YET_FOUND),
			ownerByName: { owner, identityStoreId: defaults.identityStoreId, withOwner },
		};
	};
}

/**
 * The resolve step for owners given by name: each distinct one is looked up once per run (see
 * findObjectGuid); an item whose owner matches nobody, or several, fails with nothing sent.
 */
export async function resolveOwners<TRequest>(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<WithOwnerByName<TRequest>>>,
): Promise<Array<WithOwnerByName<TRequest> | Error>> {
	type Named = OwnerName & { identityStoreId: number };
	const named = (prepared: WithOwnerByName<TRequest>): Named | undefined =>
		prepared.ownerByName && {
			...prepared.ownerByName.owner,
			identityStoreId: prepared.ownerByName.identityStoreId,
		};
	const outcomeOf = await lookUpNamesOnce<WithOwnerByName<TRequest>, Named>(items, {
		namesOf: (prepared) => [named(prepared) ?? []].flat(),
		...personLookup(context, connection),
	});
	return items.map(({ itemIndex, prepared }) => {
		const owner = named(prepared);
		if (owner === undefined) return prepared;
		const where = { text: `the owner "${owner.text}"`, role: 'owner' as const };
		const item = {
			itemIndex,
			identityStoreId: owner.identityStoreId,
			nothingDone: 'Nothing was sent for this item.',
		};
		const found = foundGuidOrError(context, outcomeOf(owner), where, item);
		if (found instanceof Error) return found;
		const { ownerByName, ...rest } = prepared;
		return { ...rest, ...ownerByName!.withOwner(found) } as WithOwnerByName<TRequest>;
	});
}

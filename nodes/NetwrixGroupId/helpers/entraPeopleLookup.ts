import type { IExecuteFunctions } from 'n8n-workflow';

import { lookUpNamesOnce } from '../../shared/nameLookup';
import type { PreparedItem } from '../../shared/operation';
import type { EntraGroupFields } from '../requests/entraGroupBody';
import { checkMembers, type MemberIdentifier } from '../requests/memberIdentifiers';
import type { GroupIdConnection } from '../transport';
import { foundGuidOrError, personLookup } from './memberLookup';

/**
 * The owners and members of a group created in an Entra ID store: sent as object GUIDs, as in
 * Netwrix's samples; given by email (or another name GroupID's search finds), each is looked up
 * in the resolve step, once per distinct value and store per run, as members of Add Members are.
 */

type Named = Extract<MemberIdentifier, { kind: 'lookup' }>;
type Role = 'owner' | 'member';

const NOT_YET_FOUND = '00000000-0000-0000-0000-000000000000';

/** A prepared Entra ID create, and, when some owners or members are given by name, how to build it again with their GUIDs. */
export type WithPeopleByName<TRequest> = TRequest & {
	peopleByName?: {
		identityStoreId: number;
		owners: MemberIdentifier[];
		members: MemberIdentifier[];
		withPeople(owners: string[], members: string[]): TRequest;
	};
};

/** Owners or members as typed (none is fine): checked, each a GUID or a name to look up. */
function checkPeople(field: 'Owners' | 'Members', raw: unknown): MemberIdentifier[] {
	if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0))
		return [];
	return checkMembers(raw, field);
}

const guidOf = (person: MemberIdentifier) => (person.kind === 'guid' ? person.guid : NOT_YET_FOUND);

/**
 * The prepare step of a create in an Entra ID store: reads one item's fields, owners and members,
 * and builds its request. With owners or members given by name, the request is built once with
 * stand-ins (never sent), so that every other field is checked now, and again once they are found.
 */
export function prepareWithPeople<
	TFields extends EntraGroupFields,
	TRequest extends { identityStoreId: number },
>(
	read: (
		context: IExecuteFunctions,
		itemIndex: number,
	) => TFields & { ownersText: unknown; membersText: unknown },
	build: (fields: TFields, defaults: { identityStoreId: number }) => TRequest,
): (
	context: IExecuteFunctions,
	itemIndex: number,
	connection: GroupIdConnection,
) => WithPeopleByName<TRequest> {
	return (context, itemIndex, connection) => {
		const { ownersText, membersText, ...fields } = read(context, itemIndex);
		const owners = checkPeople('Owners', ownersText);
		const members = checkPeople('Members', membersText);
		const defaults = { identityStoreId: connection.identityStoreId };
		const withPeople = (ownerGuids: string[], memberGuids: string[]) =>
			build(
				{ ...(fields as unknown as TFields), owners: ownerGuids, members: memberGuids },
				defaults,
			);
		const request = withPeople(owners.map(guidOf), members.map(guidOf));
		if (![...owners, ...members].some((person) => person.kind === 'lookup')) return request;
		return {
			...request,
			peopleByName: { identityStoreId: request.identityStoreId, owners, members, withPeople },
		};
	};
}

/**
 * The resolve step for owners and members given by name: each distinct one is looked up once per
 * run (an owner who is also a member, once); an item with one that matches nobody, or several,
 * fails with nothing sent. Items without names pass as they are.
 */
export async function resolvePeople<TRequest>(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<WithPeopleByName<TRequest>>>,
): Promise<Array<WithPeopleByName<TRequest> | Error>> {
	type Lookup = Named & { identityStoreId: number };
	const namesOf = (prepared: WithPeopleByName<TRequest>): Lookup[] => {
		const people = prepared.peopleByName;
		if (people === undefined) return [];
		return [...people.owners, ...people.members].flatMap((person) =>
			person.kind === 'lookup' ? [{ ...person, identityStoreId: people.identityStoreId }] : [],
		);
	};
	const outcomeOf = await lookUpNamesOnce<WithPeopleByName<TRequest>, Lookup>(items, {
		namesOf,
		...personLookup(context, connection),
	});
	return items.map(({ itemIndex, prepared }) => {
		const people = prepared.peopleByName;
		if (people === undefined) return prepared;
		const item = {
			itemIndex,
			identityStoreId: people.identityStoreId,
			nothingDone: 'Nothing was sent for this item.',
		};
		const guids = (list: MemberIdentifier[], role: Role): string[] | Error => {
			const found: string[] = [];
			for (const [index, person] of list.entries()) {
				if (person.kind === 'guid') {
					found.push(person.guid);
					continue;
				}
				const where = { text: `${role} "${person.text}" (${index + 1} of ${list.length})`, role };
				const guid = foundGuidOrError(
					context,
					outcomeOf({ ...person, identityStoreId: people.identityStoreId }),
					where,
					item,
				);
				if (guid instanceof Error) return guid;
				found.push(guid);
			}
			return found;
		};
		const owners = guids(people.owners, 'owner');
		if (owners instanceof Error) return owners;
		const members = guids(people.members, 'member');
		if (members instanceof Error) return members;
		const { peopleByName, ...rest } = prepared;
		return { ...rest, ...peopleByName!.withPeople(owners, members) } as WithPeopleByName<TRequest>;
	});
}

import { mockDeep } from 'jest-mock-extended';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { NetwrixGroupId } from '../../nodes/NetwrixGroupId/NetwrixGroupId.node';
import { searchPageRequest } from '../../nodes/NetwrixGroupId/requests/search';
import { pickerEntry, pickerSearch } from '../../nodes/NetwrixGroupId/requests/pickerSearch';
import { searchUsers } from '../../nodes/UiPathIdentity/methods/listSearch';
import { userPickerEntries } from '../../nodes/UiPathIdentity/requests/directorySearch';
import { patCredentials } from '../UiPathIdentity/support';

const object = (guid: string, attributes: Record<string, string[]>) => ({
	objectIdFromIdentityStore: guid,
	attributesBusinessObject: {
		attributesCollection: Object.fromEntries(
			Object.entries(attributes).map(([name, values]) => [
				name,
				values.map((value) => ({ value })),
			]),
		),
	},
});

describe('GroupID pickers: the documented Search by objectClass, narrowed by what is typed', () => {
	test.each([
		['group', { operator: 'Is Exactly', attribute: 'objectClass', value: 'group' }, 'name'],
		['user', { operator: 'Is Exactly', attribute: 'objectClass', value: 'user' }, 'displayName'],
		[
			'container',
			{ operator: 'Is Exactly', attribute: 'objectClass', value: 'organizationalUnit' },
			'name',
		],
	] as const)(
		'%s: objects of that class whose name contains the text, a page at a time',
		(kind, objectClass, attribute) => {
			expect(pickerSearch(kind, undefined, 2).conditions).toEqual([objectClass]);
			const typed = pickerSearch(kind, '  fin*ance ', 2);
			expect(typed.conditions).toEqual([
				objectClass,
				{ operator: 'Contains', attribute, value: 'finance' },
			]);

			const { path, body } = searchPageRequest(typed, 3, 50);
			expect(path).toBe('/GroupIDDataService/api/IdentityStores/2/Searches');
			expect(body).toMatchObject({
				identityStoreId: 2,
				pageNo: 3,
				pageSize: 50,
				criteria: { ...objectClass, child: [{ ...typed.conditions[1], child: null }] },
			});
		},
	);

	test('entries: groups and users by object GUID (users shown with their email), containers by DN', () => {
		const guid = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
		expect(
			pickerEntry(
				'group',
				object(guid, { displayName: ['Finance'], distinguishedName: ['CN=Finance,DC=demo'] }),
			),
		).toEqual({ name: 'Finance', value: guid });
		expect(
			pickerEntry(
				'user',
				object(guid, { displayName: ['Maria Garcia'], mail: ['maria.garcia@demo.local'] }),
			),
		).toEqual({
			name: 'Maria Garcia (maria.garcia@demo.local)',
			value: guid,
		});
		expect(
			pickerEntry('container', object(guid, { distinguishedName: ['OU=Staff,DC=demo,DC=local'] })),
		).toEqual({
			name: 'OU=Staff,DC=demo,DC=local',
			value: 'OU=Staff,DC=demo,DC=local',
		});
		expect(pickerEntry('container', object(guid, { name: ['Staff'] }))).toBeUndefined();
	});

	test("entries read attribute names ignoring case, as GroupID's answers mix it", () => {
		const guid = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
		expect(
			pickerEntry(
				'user',
				object(guid, { DisplayName: ['Maria Garcia'], MAIL: ['maria.garcia@demo.local'] }),
			),
		).toEqual({
			name: 'Maria Garcia (maria.garcia@demo.local)',
			value: guid,
		});
		expect(
			pickerEntry('container', object(guid, { distinguishedname: ['OU=Staff,DC=demo,DC=local'] })),
		).toEqual({
			name: 'OU=Staff,DC=demo,DC=local',
			value: 'OU=Staff,DC=demo,DC=local',
		});
	});
});

describe('GroupID pickers in the editor: what the list shows', () => {
	/** What n8n hands a list method, answering every search with `answer`. */
	const editor = (answer: unknown) =>
		({
			getCredentials: async () => ({
				serverUrl: 'https://groupid.example.local:4443',
				identityStoreId: 2,
				ignoreSslIssues: false,
			}),
			getNode: () => ({
				id: 'node',
				name: 'Netwrix GroupID',
				type: 'netwrixGroupId',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}),
			// The transport asks n8n for the whole response (status, headers and body).
			helpers: {
				httpRequestWithAuthentication: async () => ({ statusCode: 200, headers: {}, body: answer }),
			},
		}) as unknown as ILoadOptionsFunctions;
	const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	const { searchGroups, searchUsers } = new NetwrixGroupId().methods.listSearch;

	test('only the objects that meet every condition of the search, however GroupID combines them (not documented)', async () => {
		const found = {
			total: 4,
			data: [
				object(guid(1), { objectClass: ['group'], name: ['Finance'] }),
				object(guid(2), { objectClass: ['group'], name: ['Sales'] }),
				object(guid(3), { objectClass: ['user'], name: ['Finley'], displayName: ['Finley Smith'] }),
				object(guid(4), { ObjectClass: ['Group'], NAME: ['HR-FINANCE'] }),
			],
		};
		expect((await searchGroups.call(editor(found), 'fin')).results).toEqual([
			{ name: 'Finance', value: guid(1) },
			{ name: 'HR-FINANCE', value: guid(4) },
		]);
		expect((await searchUsers.call(editor(found), 'fin')).results).toEqual([
			{ name: 'Finley Smith', value: guid(3) },
		]);
	});
});

describe('UiPath members picker: Directory Search entries', () => {
	const entries = [
		{
			identifier: 'u-1',
			displayName: 'Alex Morgan',
			email: 'alex.morgan@example.com',
			identityName: 'alex.morgan',
			type: 'User',
		},
		{ identifier: 'u-2', displayName: 'No Mail', identityName: 'nomail', type: 0 },
		{ identifier: 'g-1', displayName: 'All Users', type: 'Group' },
	];

	test('users only, shown with their email; the value is the user ID', () => {
		expect(userPickerEntries(entries)).toEqual([
			{ name: 'Alex Morgan (alex.morgan@example.com)', value: 'u-1' },
			{ name: 'No Mail', value: 'u-2' },
		]);
	});

	test('the value is the user ID whatever Members Are says, so that a pick stays valid when it changes', async () => {
		const context = mockDeep<ILoadOptionsFunctions>();
		context.getCredentials.mockResolvedValue({ ...patCredentials });
		context.getCurrentNodeParameter.mockImplementation((name: string) =>
			name === 'membersAre' ? 'names' : undefined,
		);
		context.helpers.httpRequestWithAuthentication.mockResolvedValue({
			statusCode: 200,
			headers: {},
			body: entries,
		});

		const { results } = await searchUsers.call(context, 'alex');

		expect(results.map((entry) => entry.value)).toEqual(['u-1', 'u-2']);
	});
});

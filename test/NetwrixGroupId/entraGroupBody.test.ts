import staticDoc from '../fixtures/groupid/create-static-group-entraid.json';
import smartDoc from '../fixtures/groupid/create-smart-group-entraid.json';
import {
	buildEntraSmartGroupRequest,
	buildEntraStaticGroupRequest,
	type EntraGroupFields,
	type EntraSmartGroupFields,
} from '../../nodes/NetwrixGroupId/requests/entraGroupBody';
import { smartGroupPath } from '../../nodes/NetwrixGroupId/requests/smartGroupBody';
import { staticGroupPath } from '../../nodes/NetwrixGroupId/requests/staticGroupBody';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';

/*
 * Netwrix's Entra ID samples (Directory Manager 11.1) send identity store 3, a group in the tenant's
 * root (DC=5cjshm,DC=onmicrosoft,DC=com), GroupType 4, and one user as both owner and member.
 */
const store = { identityStoreId: 3 };
const TENANT = 'DC=5cjshm,DC=onmicrosoft,DC=com';
const SAMPLE_USER = 'ee3ba6e3-02be-47b2-9892-0510bceabb7b';

const staticSample: EntraGroupFields = {
	groupName: 'apiSecAzure',
	container: TENANT,
	groupType: '4',
	security: 'Private',
	description: 'apiSecAzure',
	owners: [SAMPLE_USER],
	members: [SAMPLE_USER],
};

const smartSample: EntraSmartGroupFields = {
	groupName: 'apiEntraSmart',
	container: TENANT,
	groupType: '4',
	security: 'Private',
	description: 'apiEntraSmart',
	owners: [SAMPLE_USER],
	members: [SAMPLE_USER],
	objectTypes: ['6'],
	criteria: {
		mode: 'conditions',
		conditions: [{ attribute: 'department', operator: 'Contains', value: 'engineering' }],
		combineWith: 'AND',
	},
	notes:
		'This is an automated group, please do not modify membership. Membership is controlled by GroupID.',
};

/** The error `build` throws (undefined if none). */
function thrownBy(build: () => unknown): unknown {
	try {
		build();
	} catch (error) {
		return error;
	}
	return undefined;
}

describe('Create Static Group in an Entra ID store: the documented sample', () => {
	const build = (changes: Partial<EntraGroupFields> = {}) =>
		buildEntraStaticGroupRequest({ ...staticSample, ...changes }, store);
	const attributes = (changes: Partial<EntraGroupFields> = {}) =>
		build(changes).body.AttributesCollection.AttributesCollection;

	test('the sample fields build exactly the documented request body, in the documented order', () => {
		const request = build();
		expect(request.body).toStrictEqual(staticDoc.request);
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(staticDoc.request));
		expect(staticGroupPath(request.identityStoreId)).toBe(
			'/GroupIDDataService/api/IdentityStores/3/Groups/StaticGroup',
		);
		expect(request).toMatchObject({
			identityStoreId: 3,
			groupName: 'apiSecAzure',
			container: TENANT,
			owners: [SAMPLE_USER],
			members: [SAMPLE_USER],
		});
	});

	test("the documented answer gives the new group's GUID in data", () => {
		expect(staticDoc.response.status).toBe(0);
		expect(staticDoc.response.data).toBe(
			staticDoc.response.identityStoreObject.objectIdFromIdentityStore,
		);
	});

	test.each([['4'], ['8'], ['16'], ['32']])(
		'group type %s is sent as GroupType, Action 0, with no Active Directory scope',
		(groupType) => {
			const a = attributes({ groupType });
			expect(a.GroupType).toEqual([expect.objectContaining({ Value: groupType, Action: 0 })]);
			expect(Object.keys(a).map((name) => name.toLowerCase())).not.toEqual(
				expect.arrayContaining(['xgroupscope']),
			);
			expect(a.managedBy).toBeUndefined();
			expect(a.sAMAccountName).toBeUndefined();
		},
	);

	test('several owners and members are several values; repeats are sent once, GUIDs as every GUID the node sends', () => {
		const a = attributes({
			owners: ['{A79934A7-C6A0-4A1C-8860-F9AEB4788E98}', SAMPLE_USER],
			members: [SAMPLE_USER, 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98', SAMPLE_USER],
		});
		expect(a.owners.map((value) => value.Value)).toEqual([
			'a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
			SAMPLE_USER,
		]);
		expect(a.members.map((value) => value.Value)).toEqual([
			SAMPLE_USER,
			'a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
		]);
		expect(a.members[1]).toEqual({
			...staticDoc.request.AttributesCollection.AttributesCollection.members[0],
			Value: 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
		});
	});

	test('no documented sample: without owners, members or description those attributes are left out; notes follow as info, Action 1', () => {
		const a = attributes({
			owners: [],
			members: undefined,
			description: '',
			notes: 'Made by n8n',
			displayName: 'Sales (all)',
		});
		expect(Object.keys(a)).toEqual([
			'IMSGManagedGroupType',
			'displayname',
			'XGroupSecurity',
			'GroupType',
			'enableofficefeatures',
			'userprincipalname',
			'commonname',
			'objectclass',
			'objecttype',
			'ContainerDistinguishedName',
			'info',
		]);
		expect(a.displayname[0].Value).toBe('Sales (all)');
		expect(a.info).toEqual([
			{
				...staticDoc.request.AttributesCollection.AttributesCollection.description[0],
				Value: 'Made by n8n',
			},
		]);
	});

	test('Enable Office Features sends enableofficefeatures "true"; additional attributes default to Action 1 and may replace one', () => {
		const a = attributes({
			officeFeatures: true,
			additionalAttributes: [
				{ name: 'visibility', value: 'Private' },
				{ name: 'DisplayName', value: 'X', action: '0' },
			],
		});
		expect(a.enableofficefeatures[0].Value).toBe('true');
		expect(a.visibility).toEqual([{ Value: 'Private', Action: 1 }]);
		expect(a.displayname).toEqual([{ Value: 'X', Action: 0 }]);
	});

	test.each<[string, Partial<EntraGroupFields>, string, string]>([
		[
			'an Active Directory group type',
			{ groupType: '-2147483640' },
			'Group Type',
			'must be one of 4, 8, 16, 32, not "-2147483640"',
		],
		[
			'a global distribution group type',
			{ groupType: '2' },
			'Group Type',
			'must be one of 4, 8, 16, 32, not "2"',
		],
		['an empty name', { groupName: ' ' }, 'Group Name', 'is empty'],
		[
			'a name with a line break',
			{ groupName: 'Sales\nEMEA' },
			'Group Name',
			'contains a control character (a line break or tab, say)',
		],
		[
			'a container that is not a DN',
			{ container: 'tenant' },
			'Container',
			'"tenant" is not of the form type=value, in "tenant"',
		],
		[
			'an owner that is not a GUID',
			{ owners: ['jdoe'] },
			'Owners (entry 1)',
			'"jdoe" is not an object GUID',
		],
		[
			'a member that is not a GUID',
			{ members: [SAMPLE_USER, 'x'] },
			'Members (entry 2)',
			'"x" is not an object GUID',
		],
		[
			'an unknown security',
			{ security: 'Open' },
			'Security',
			'must be one of Private, Semi_Private, Public, not "Open"',
		],
	])('refuses %s', (_label, changes, field, reason) => {
		const error = thrownBy(() => build(changes));
		expect(error).toBeInstanceOf(InvalidFieldError);
		expect({
			field: (error as InvalidFieldError).field,
			reason: (error as InvalidFieldError).reason,
		}).toEqual({ field, reason });
	});

	test('a name Active Directory would refuse is an Entra ID display name', () => {
		expect(build({ groupName: 'Sales: EMEA / APAC' }).body.GroupName).toBe('Sales: EMEA / APAC');
	});
});

describe('Create Smart Group in an Entra ID store: the documented sample', () => {
	const build = (changes: Partial<EntraSmartGroupFields> = {}) =>
		buildEntraSmartGroupRequest({ ...smartSample, ...changes }, store);

	test('the sample fields build exactly the documented request body, in the documented order', () => {
		const request = build();
		expect(request.body).toStrictEqual(smartDoc.request);
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(smartDoc.request));
		expect(smartGroupPath(request.identityStoreId)).toBe(
			'/GroupIDDataService/api/IdentityStores/3/Groups/DynamicGroup',
		);
	});

	test("without start paths the container's domain is searched, whole subtree, as in the sample; given ones are sent", () => {
		expect(build({ startPaths: [] }).body).toStrictEqual(smartDoc.request);
		const given = build({
			startPaths: [{ path: 'OU=Sales,DC=5cjshm,DC=onmicrosoft,DC=com', scope: '1' }],
		});
		expect(given.body.AttributesCollection.AttributesCollection.IMSGStartPath).toEqual([
			{
				Value: 'OU=Sales,DC=5cjshm,DC=onmicrosoft,DC=com',
				Action: 1,
				AttributeCollection: { Scope: '1' },
			},
		]);
	});

	test("the identity store may be another than the credential's; the Microsoft 365 type is sent as 16", () => {
		const request = build({ identityStoreId: '7', groupType: '16' });
		expect(request.identityStoreId).toBe(7);
		expect(request.body.IdentityStoreID).toBe(7);
		expect(request.body.AttributesCollection.AttributesCollection.GroupType[0].Value).toBe('16');
	});

	test("the documented answer gives the new group's GUID in data", () => {
		expect(smartDoc.response.data).toBe('21f7703a-2c74-4f22-8557-3401db64602a');
	});

	test('refuses criteria GroupID could not read, naming the field', () => {
		const error = thrownBy(() => build({ objectTypes: [] }));
		expect(error).toBeInstanceOf(InvalidFieldError);
		expect((error as InvalidFieldError).field).toBe('Object Types');
	});
});

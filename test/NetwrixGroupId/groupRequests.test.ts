import { checkBoolean } from '../../nodes/shared/fieldChecks';
import createStaticGroupDoc from '../fixtures/groupid/create-static-group.json';
import getGroupDoc from '../fixtures/groupid/get-group.json';
import searchDoc from '../fixtures/groupid/search-by-attribute.json';
import updateGroupDoc from '../fixtures/groupid/update-group.json';
import previewDoc from '../fixtures/groupid/preview-membership.json';
import {
	flattenDirectoryObject,
	readObjectAnswer,
	readPageAnswer,
} from '../../nodes/NetwrixGroupId/requests/directoryObjects';
import { buildGroupLifecycleRequest } from '../../nodes/NetwrixGroupId/requests/groupLifecycle';
import {
	buildGetGroupRequest,
	DEFAULT_GROUP_ATTRIBUTES,
} from '../../nodes/NetwrixGroupId/requests/groupRead';
import {
	differencesFromExisting,
	EXISTING_GROUP_ATTRIBUTES,
	ownerDnToLookUp,
} from '../../nodes/NetwrixGroupId/requests/existingGroup';
import { DEFAULT_MEMBER_ATTRIBUTES } from '../../nodes/NetwrixGroupId/requests/groupMembers';
import { DEFAULT_PREVIEW_ATTRIBUTES } from '../../nodes/NetwrixGroupId/requests/smartGroupPreview';
import { DEFAULT_USER_ATTRIBUTES } from '../../nodes/NetwrixGroupId/requests/userSearch';
import {
	buildGroupSearch,
	type GroupSearchFields,
} from '../../nodes/NetwrixGroupId/requests/groupList';
import { meetsConditions, searchPageRequest } from '../../nodes/NetwrixGroupId/requests/search';
import {
	buildUpdateGroupRequest,
	type UpdateGroupFields,
} from '../../nodes/NetwrixGroupId/requests/groupUpdate';
import { checkGroupTarget, describeTarget } from '../../nodes/NetwrixGroupId/requests/groupTarget';
import {
	buildStaticGroupRequest,
	staticGroupPath,
	type StaticGroupFields,
} from '../../nodes/NetwrixGroupId/requests/staticGroupBody';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';

const store = { identityStoreId: 2 };
const DEMO_GUID = '6bd67b4a-eb06-4b05-94a8-43914fb2e19a';
const byId = (value: unknown = DEMO_GUID) => ({ mode: 'id', value });
const data = '/GroupIDDataService/api/IdentityStores/2';

/** Runs `build` and returns the InvalidFieldError it throws as [field, reason]. */
function refusal(build: () => unknown): [string, string] {
	try {
		build();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidFieldError);
		return [(error as InvalidFieldError).field, (error as InvalidFieldError).reason];
	}
	throw new Error('expected the builder to refuse the input');
}

describe('Create Static Group body', () => {
	const sampleFields: StaticGroupFields = {
		groupName: 'DemoGroup',
		container: 'OU=Groups,DC=demo,DC=local',
		groupType: '-2147483640',
		security: 'Semi_Private',
		owner: 'CN=Administrator,CN=Users,DC=demo,DC=local',
	};
	const build = (changes: Partial<StaticGroupFields> = {}) =>
		buildStaticGroupRequest({ ...sampleFields, ...changes }, store);
	const attributes = (changes: Partial<StaticGroupFields> = {}) =>
		build(changes).body.AttributesCollection.AttributesCollection;

	test('the sample parameters build exactly the documented request body, in the documented order', () => {
		const request = build();
		expect(request.body).toStrictEqual(createStaticGroupDoc.request);
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(createStaticGroupDoc.request));
		expect(staticGroupPath(request.identityStoreId)).toBe(`${data}/Groups/StaticGroup`);
		expect(request).toMatchObject({
			identityStoreId: 2,
			groupName: 'DemoGroup',
			container: 'OU=Groups,DC=demo,DC=local',
		});
	});

	test.each([
		['8', 'Universal Group'],
		['-2147483640', 'Universal Group'],
		['2', 'Global Group'],
		['-2147483646', 'Global Group'],
		['4', 'Domain Local Group'],
		['-2147483644', 'Domain Local Group'],
	])(
		'no documented sample: group type %s is sent as groupType with XGroupScope "%s"',
		(groupType, scope) => {
			const a = attributes({ groupType });
			expect(a.groupType).toEqual([{ Value: groupType, Action: 0 }]);
			expect(a.XGroupScope).toEqual([{ Value: scope, Action: 0 }]);
		},
	);

	test("no documented sample: description and notes follow the sample's attributes, Action 0; an owner GUID is accepted too, sent as every GUID (lower case, no braces)", () => {
		const a = attributes({
			description: 'Sales',
			notes: 'Managed by n8n',
			owner: '{19A1822E-E7EF-4206-AF75-1C2D8B1D15EB}',
		});
		expect(Object.keys(a)).toEqual([
			'sAMAccountName',
			'name',
			'CN',
			'objectClass',
			'groupType',
			'XGroupScope',
			'XGroupSecurity',
			'managedBy',
			'description',
			'info',
		]);
		expect(a.managedBy).toEqual([{ Value: '19a1822e-e7ef-4206-af75-1c2d8b1d15eb', Action: 0 }]);
		expect(a.description).toEqual([{ Value: 'Sales', Action: 0 }]);
		expect(a.info).toEqual([{ Value: 'Managed by n8n', Action: 0 }]);
	});

	test('no documented sample: empty optional fields are left out', () => {
		const a = attributes({ owner: '', description: ' ', notes: undefined });
		expect(Object.keys(a)).toEqual([
			'sAMAccountName',
			'name',
			'CN',
			'objectClass',
			'groupType',
			'XGroupScope',
			'XGroupSecurity',
		]);
	});

	test('additional attributes default to Action 0, several entries give several values, and one may replace a form attribute', () => {
		const a = attributes({
			additionalAttributes: [
				{ name: 'company', value: 'Imanami' },
				{ name: 'proxyAddresses', value: 'smtp:a@demo.local', action: '1' },
				{ name: 'proxyAddresses', value: 'smtp:b@demo.local', action: '1' },
				{ name: 'objectclass', value: 'group' },
			],
		});
		expect(a.company).toEqual([{ Value: 'Imanami', Action: 0 }]);
		expect(a.proxyAddresses).toEqual([
			{ Value: 'smtp:a@demo.local', Action: 1 },
			{ Value: 'smtp:b@demo.local', Action: 1 },
		]);
		expect(a.objectClass).toEqual([{ Value: 'group', Action: 0 }]);
		expect(a.objectclass).toBeUndefined();
	});

	test.each<[string, Partial<StaticGroupFields>, string, string]>([
		['an empty name', { groupName: '' }, 'Group Name', 'is empty'],
		[
			'a name from a null expression',
			{ groupName: null },
			'Group Name',
			'is empty (the expression resolved to nothing)',
		],
		[
			'a name that is an object',
			{ groupName: { a: 1 } },
			'Group Name',
			'must be text, not an object',
		],
		[
			'an over-long name',
			{ groupName: 'x'.repeat(65) },
			'Group Name',
			'is 65 characters long; the limit is 64',
		],
		[
			'a name with a forbidden character',
			{ groupName: 'Sales;EMEA' },
			'Group Name',
			'"Sales;EMEA" contains ;, which Active Directory does not allow in group names (" / \\ [ ] : ; | = , + * ? < >)',
		],
		[
			'a name ending with a period',
			{ groupName: 'Sales.' },
			'Group Name',
			'"Sales." ends with a period, which Active Directory does not allow',
		],
		['an empty container', { container: '' }, 'Container', 'is empty'],
		[
			'a container that is not a DN',
			{ container: 'Groups' },
			'Container',
			'"Groups" is not of the form type=value, in "Groups"',
		],
		[
			'an unknown group type',
			{ groupType: '16' },
			'Group Type',
			'must be one of 8, -2147483640, 2, -2147483646, 4, -2147483644, not "16"',
		],
		[
			'an unknown security',
			{ security: 'Secret' },
			'Security',
			'must be one of Private, Semi_Private, Public, not "Secret"',
		],
		[
			'an over-long description',
			{ description: 'd'.repeat(1025) },
			'Description',
			'is 1025 characters long; the limit is 1024',
		],
		[
			'a description that is a list',
			{ description: ['a'] },
			'Description',
			'must be text, not a list',
		],
		[
			'an owner that is neither GUID nor DN',
			{ owner: 'jdoe' },
			'Owner',
			'"jdoe" is neither an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb) nor a distinguished name (like CN=Administrator,CN=Users,DC=demo,DC=local)',
		],
		[
			'an owner DN with an empty value',
			{ owner: 'CN=,DC=demo' },
			'Owner',
			'"CN=" has no value, in "CN=,DC=demo"',
		],
		[
			'over-long notes',
			{ notes: 'n'.repeat(1025) },
			'Group Notes (Info Attribute)',
			'is 1025 characters long; the limit is 1024',
		],
		[
			'an additional attribute without name',
			{ additionalAttributes: [{ name: ' ', value: 'x' }] },
			'Additional Attributes › Name (entry 1)',
			'is empty',
		],
		[
			'an additional attribute with a bad name',
			{ additionalAttributes: [{ name: 'a b', value: 'x' }] },
			'Additional Attributes › Name (entry 1)',
			'"a b" is not an attribute name',
		],
		[
			'an additional attribute whose value is an object',
			{ additionalAttributes: [{ name: 'a', value: { x: 1 } }] },
			'Additional Attributes › Value (entry 1)',
			'must be text, not an object',
		],
		[
			'an additional attribute with an unknown action',
			{ additionalAttributes: [{ name: 'a', value: 'x', action: '2' }] },
			'Additional Attributes › Action (entry 1)',
			'must be one of 0, 1, not "2"',
		],
	])('refuses %s', (_label, changes, field, reason) => {
		expect(refusal(() => build(changes))).toEqual([field, reason]);
	});

	test('refuses a credential whose identity store is not a positive number', () => {
		expect(refusal(() => buildStaticGroupRequest(sampleFields, { identityStoreId: 0 }))).toEqual([
			'Identity Store ID (from the credential)',
			'must be a whole number of 1 or more, not "0"',
		]);
	});
});

describe('boolean fields from expressions', () => {
	test.each<[unknown, boolean | string]>([
		[true, true],
		[false, false],
		[undefined, true],
		[null, true],
		['', true],
		['false', 'must be true or false, not "false"'],
		[0, 'must be true or false, not a number'],
		[{}, 'must be true or false, not an object'],
	])('%p', (raw, expected) => {
		if (typeof expected === 'boolean') expect(checkBoolean('Simplify', raw, true)).toBe(expected);
		else expect(refusal(() => checkBoolean('Simplify', raw, true))).toEqual(['Simplify', expected]);
	});
});

describe('the group an operation acts on', () => {
	test.each([
		['a GUID', byId(), 'guid', DEMO_GUID, DEMO_GUID],
		[
			'a GUID in braces, upper case',
			byId(`{${DEMO_GUID.toUpperCase()}}`),
			'guid',
			DEMO_GUID,
			DEMO_GUID,
		],
		['a name', { mode: 'name', value: 'Sales Team' }, 'name', 'Sales Team', 'Sales%20Team'],
		[
			'a DN',
			{ mode: 'name', value: 'CN=Sales Team,OU=Groups,DC=demo,DC=local' },
			'dn',
			'CN=Sales Team,OU=Groups,DC=demo,DC=local',
			'CN%3DSales%20Team%2COU%3DGroups%2CDC%3Ddemo%2CDC%3Dlocal',
		],
		[
			'a name with a slash and a question mark',
			{ mode: 'name', value: 'R&D/EMEA?' },
			'name',
			'R&D/EMEA?',
			'R%26D%2FEMEA%3F',
		],
		['a GUID given by name', { mode: 'name', value: DEMO_GUID }, 'name', DEMO_GUID, DEMO_GUID],
		[
			'a plain value from an expression',
			{ mode: 'expression', value: DEMO_GUID },
			'guid',
			DEMO_GUID,
			DEMO_GUID,
		],
	])('%s is one URL-encoded path segment', (_label, locator, kind, value, segment) => {
		const request = buildGroupLifecycleRequest('delete', locator, store);
		expect(request.identity).toEqual({ kind, value });
		expect(request.path).toBe(`${data}/Groups/${segment}`);
	});

	test.each<[string, { mode: string; value: unknown }, string]>([
		['an empty GUID', byId(''), 'is empty'],
		['a null value', byId(null), 'is empty (the expression resolved to nothing)'],
		['an object', byId({ id: 1 }), 'must be text, not an object'],
		['a list', byId(['a']), 'must be text, not a list'],
		[
			'a name in the By ID mode',
			byId('Sales'),
			'"Sales" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)',
		],
		[
			'a DN with an unescaped quote',
			{ mode: 'name', value: 'CN=Sa"les,DC=demo' },
			'the character " in "Sa"les" must be escaped as \\", in "CN=Sa"les,DC=demo"',
		],
	])('refuses %s', (_label, locator, reason) => {
		expect(refusal(() => checkGroupTarget(locator, store))).toEqual(['Group', reason]);
	});

	test('write outputs name the group: its GUID when known, and the identity sent', () => {
		expect(describeTarget(checkGroupTarget(byId(), store))).toEqual({
			groupGuid: DEMO_GUID,
			group: DEMO_GUID,
		});
		const byName = checkGroupTarget({ mode: 'name', value: 'Sales' }, store);
		expect(describeTarget(byName)).toEqual({ groupGuid: null, group: 'Sales' });
		expect(describeTarget(byName, DEMO_GUID)).toEqual({ groupGuid: DEMO_GUID, group: 'Sales' });
		expect(describeTarget(byName, 'description')).toEqual({ groupGuid: null, group: 'Sales' });
	});
});

describe('Delete, Expire and Renew requests', () => {
	test.each([
		['delete', 'DELETE', `${data}/Groups/${DEMO_GUID}`],
		['expire', 'POST', `${data}/Groups/${DEMO_GUID}/Expire?ReplicationRequired=true`],
		['renew', 'POST', `${data}/Groups/${DEMO_GUID}/Renew?ReplicationRequired=true`],
	] as const)('%s: %s %s, as documented (no body)', (action, method, path) => {
		expect(buildGroupLifecycleRequest(action, byId(), store)).toStrictEqual({
			identityStoreId: 2,
			identity: { kind: 'guid', value: DEMO_GUID },
			method,
			path,
		});
	});
});

describe('Get request', () => {
	test("the documented body is a JSON array of attribute names: the default set, then the ones added (the sample's two here)", () => {
		const request = buildGetGroupRequest({ group: byId(), attributes: getGroupDoc.request }, store);
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`${data}/Groups/${DEMO_GUID}`);
		expect(request.body).toStrictEqual([...DEFAULT_GROUP_ATTRIBUTES, 'ObjectGuid']);
		// displayName is in the default set: each name is sent once.
		expect(request.body.filter((name) => name === 'displayName')).toHaveLength(1);
	});

	test('no documented sample: the default set alone, without extra attributes', () => {
		expect(buildGetGroupRequest({ group: byId(), attributes: [] }, store).body).toStrictEqual([
			'displayName',
			'description',
			'sAMAccountName',
			'mail',
			'groupType',
			'managedBy',
			'info',
			'XGroupSecurity',
			'IMSGManagedGroupType',
		]);
	});

	test('extra attributes may be text separated by commas (from an expression); repeats, ignoring case, are sent once', () => {
		expect(
			buildGetGroupRequest(
				{ group: byId(), attributes: ' member , MAIL,extensionAttribute1,member' },
				store,
			).body.slice(-2),
		).toEqual(['member', 'extensionAttribute1']);
	});

	test.each<[string, unknown, string]>([
		[
			'an object',
			{ a: 1 },
			'must be a list of attribute names or text separated by commas, not an object',
		],
		['a number', 7, 'must be a list of attribute names or text separated by commas, not a number'],
		['an empty entry', ['mail', ''], 'entry 2 is empty'],
		['an empty entry between commas', 'mail,,member', 'entry 2 is empty'],
		[
			'an entry that is an object',
			['mail', { a: 1 }],
			'entry 2 must be an attribute name, not an object',
		],
		[
			'a name with a space',
			['mail', 'member of'],
			'"member of" is not an attribute name (letters, digits, "-", "_" or ".", starting with a letter)',
		],
		[
			'a name starting with a digit',
			['1mail'],
			'"1mail" is not an attribute name (letters, digits, "-", "_" or ".", starting with a letter)',
		],
	])('refuses attributes to load given as %s', (_label, attributes, reason) => {
		expect(refusal(() => buildGetGroupRequest({ group: byId(), attributes }, store))).toEqual([
			'Attributes to Load',
			reason,
		]);
	});
});

describe('Get Many search body', () => {
	test("the documented sample's search builds exactly the documented request body", () => {
		const { path, body } = searchPageRequest(
			{
				identityStoreId: 3,
				conditions: [{ operator: 'Is Exactly', attribute: 'displayName', value: 'apiDisAzure' }],
				containers: {},
				attributesToLoad: ['displayName', 'memberOf', 'CN', 'mail'],
			},
			1,
			10,
		);
		expect(path).toBe('/GroupIDDataService/api/IdentityStores/3/Searches');
		expect(body).toStrictEqual(searchDoc.request);
		expect(JSON.stringify(body)).toBe(JSON.stringify(searchDoc.request));
	});

	const build = (fields: GroupSearchFields = {}) => buildGroupSearch(fields, store);
	const criteriaOf = (fields: GroupSearchFields) =>
		searchPageRequest(build(fields), 1, 100).body.criteria;
	const groupsOnly = {
		operator: 'Is Exactly',
		attribute: 'objectClass',
		value: 'group',
		valueType: 0,
		valueTypes: [0],
		donotEscapeValue: true,
	};

	test("no documented sample: without filters, groups only (objectClass Is Exactly group), with the sample's empty child", () => {
		expect(criteriaOf({})).toStrictEqual({
			...groupsOnly,
			child: [{ operator: null, attribute: null, value: null }],
		});
		const { body } = searchPageRequest(build({}), 2, 100);
		expect(body).toMatchObject({
			identityStoreId: 2,
			pageNo: 2,
			pageSize: 100,
			startInContainerWithScopes: {},
		});
		// Then objectClass, which the condition compares, so that each object found can be checked.
		expect(body.attributesToLoad).toEqual([...DEFAULT_GROUP_ATTRIBUTES, 'objectClass']);
	});

	test.each([
		['Contains', 'Contains'],
		['Starts With', 'Starts With'],
		['Is Exactly', 'Is Exactly'],
		[undefined, 'Contains'],
	])(
		'no documented sample: a name filter (%s) is a child condition on name, operator %s',
		(nameOperator, operator) => {
			expect(criteriaOf({ name: ' Sales ', nameOperator })).toStrictEqual({
				...groupsOnly,
				child: [
					{
						operator,
						attribute: 'name',
						value: 'Sales',
						valueType: 0,
						valueTypes: [0],
						donotEscapeValue: true,
						child: null,
					},
				],
			});
		},
	);

	test('no documented sample: name and group type are both child conditions, in that order', () => {
		expect(
			criteriaOf({ name: 'Sales', nameOperator: 'Starts With', groupType: '-2147483646' }).child,
		).toEqual([
			expect.objectContaining({ operator: 'Starts With', attribute: 'name', value: 'Sales' }),
			expect.objectContaining({
				operator: 'Is Exactly',
				attribute: 'groupType',
				value: '-2147483646',
			}),
		]);
	});

	test('no documented sample: a container is sent in startInContainerWithScopes with scope 2 (subtree) or 1 (that container only)', () => {
		expect(
			searchPageRequest(build({ container: 'OU=Groups,DC=demo,DC=local' }), 1, 10).body
				.startInContainerWithScopes,
		).toEqual({
			'OU=Groups,DC=demo,DC=local': 2,
		});
		expect(
			searchPageRequest(
				build({ container: 'OU=Groups,DC=demo,DC=local', includeSubContainers: false }),
				1,
				10,
			).body.startInContainerWithScopes,
		).toEqual({ 'OU=Groups,DC=demo,DC=local': 1 });
	});

	test('empty filters are no filters', () => {
		expect(build({ name: '', container: ' ', groupType: '' })).toEqual(build({}));
	});

	test.each<[string, GroupSearchFields, string, string]>([
		[
			'a name with *',
			{ name: 'Sales*' },
			'Name',
			'"Sales*" contains *, which GroupID\'s search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out',
		],
		[
			'a name with (',
			{ name: 'Sales (EMEA)' },
			'Name',
			'"Sales (EMEA)" contains (, which GroupID\'s search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out',
		],
		[
			'a name with a backslash',
			{ name: 'Sales\\EMEA' },
			'Name',
			'"Sales\\EMEA" contains \\, which GroupID\'s search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out',
		],
		[
			'a name with a tab',
			{ name: 'Sales\tEMEA' },
			'Name',
			'"Sales\tEMEA" contains a control character, which GroupID\'s search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out',
		],
		['a name that is an object', { name: { a: 1 } }, 'Name', 'must be text, not an object'],
		[
			'an over-long name',
			{ name: 'n'.repeat(257) },
			'Name',
			'is 257 characters long; the limit is 256',
		],
		[
			'an unknown name match',
			{ name: 'Sales', nameOperator: 'Like' },
			'Name Match',
			'must be one of Contains, Starts With, Is Exactly, not "Like"',
		],
		[
			'an unknown group type',
			{ groupType: 'security' },
			'Group Type',
			'must be one of 8, -2147483640, 2, -2147483646, 4, -2147483644, not "security"',
		],
		[
			'a container that is not a DN',
			{ container: 'demo.local/Groups' },
			'Container',
			'"demo.local/Groups" is not of the form type=value, in "demo.local/Groups"',
		],
		[
			'a container that is a list',
			{ container: ['OU=Groups'] },
			'Container',
			'must be text, not a list',
		],
		[
			'include sub-containers that is text',
			{ container: 'OU=Groups,DC=demo', includeSubContainers: 'yes' },
			'Include Sub-Containers',
			'must be true or false, not "yes"',
		],
		[
			'an attribute to load with a space',
			{ attributes: ['display name'] },
			'Attributes to Load',
			'"display name" is not an attribute name (letters, digits, "-", "_" or ".", starting with a letter)',
		],
	])('refuses %s', (_label, fields, field, reason) => {
		expect(refusal(() => build(fields))).toEqual([field, reason]);
	});
});

describe('what a search found, checked against its conditions', () => {
	const found = (attributes: Record<string, string[]>) => ({
		objectIdFromIdentityStore: DEMO_GUID,
		attributesBusinessObject: {
			attributesCollection: Object.fromEntries(
				Object.entries(attributes).map(([name, values]) => [
					name,
					values.map((value) => ({ value })),
				]),
			),
		},
	});
	const sales = found({
		objectclass: ['top', 'Group'],
		Name: ['Sales EMEA'],
		distinguishedName: ['CN=Sales EMEA,OU=Groups,DC=demo,DC=local'],
	});

	test.each<[string, string, string, string, boolean]>([
		['Is Exactly, ignoring case', 'Is Exactly', 'name', 'SALES emea', true],
		['Is Exactly, not a part', 'Is Exactly', 'name', 'Sales', false],
		['Contains', 'Contains', 'name', 'les em', true],
		['Contains, not there', 'Contains', 'name', 'US', false],
		['Starts With', 'Starts With', 'name', 'sales', true],
		['Starts With, not at the start', 'Starts With', 'name', 'EMEA', false],
		['Ends With', 'Ends With', 'name', 'emea', true],
		['Ends With, not at the end', 'Ends With', 'name', 'Sales', false],
		['one of several values', 'Is Exactly', 'objectClass', 'group', true],
		[
			'a DN, ignoring case and spaces around its separators',
			'Is Exactly',
			'distinguishedName',
			'cn=sales emea, ou=groups, dc=demo, dc=local',
			true,
		],
		['an attribute the object lacks', 'Is Exactly', 'mail', 'sales@demo.local', false],
		['an operator the node does not send', "Isn't", 'name', 'Marketing', false],
	])('%s', (_label, operator, attribute, value, met) => {
		expect(meetsConditions([{ operator, attribute, value }], sales)).toBe(met);
	});

	test('every condition must be met, whatever GroupID made of the child list', () => {
		const groupsNamedSales = buildGroupSearch(
			{ name: 'Sales', nameOperator: 'Starts With' },
			store,
		).conditions;
		expect(meetsConditions(groupsNamedSales, sales)).toBe(true);
		expect(
			meetsConditions(groupsNamedSales, found({ objectClass: ['user'], name: ['Sales EMEA'] })),
		).toBe(false);
		expect(
			meetsConditions(groupsNamedSales, found({ objectClass: ['group'], name: ['Marketing'] })),
		).toBe(false);
	});
});

describe('If the Group Already Exists: comparing the owner asked for with the one the group has', () => {
	const OWNER = '19a1822e-e7ef-4206-af75-1c2d8b1d15eb';
	const OWNER_DN = 'CN=Jane Doe,OU=Staff,DC=demo,DC=local';
	const group = (managedBy: string) => ({
		objectIdFromIdentityStore: DEMO_GUID,
		attributesBusinessObject: { attributesCollection: { managedBy: [{ value: managedBy }] } },
	});
	const sent = (owner: string) => ({ managedBy: [{ Value: owner }] });

	test.each<
		[
			string,
			string,
			string,
			string | undefined,
			{ dn: string; guid: string | undefined } | undefined,
			boolean,
		]
	>([
		[
			'two GUIDs, one in braces and upper case',
			OWNER,
			`{${OWNER.toUpperCase()}}`,
			undefined,
			undefined,
			true,
		],
		['two GUIDs of different objects', OWNER, DEMO_GUID, undefined, undefined, false],
		[
			'two DNs, in other case and spacing',
			'cn=jane doe, ou=staff, dc=demo, dc=local',
			OWNER_DN,
			undefined,
			undefined,
			true,
		],
		[
			'two DNs of different objects',
			'CN=Bob,OU=Staff,DC=demo,DC=local',
			OWNER_DN,
			undefined,
			undefined,
			false,
		],
		[
			'a GUID, and the DN of that object',
			OWNER,
			OWNER_DN,
			OWNER_DN,
			{ dn: OWNER_DN, guid: OWNER },
			true,
		],
		[
			'a GUID, and the DN of another object',
			OWNER,
			OWNER_DN,
			OWNER_DN,
			{ dn: OWNER_DN, guid: DEMO_GUID },
			false,
		],
		[
			'a GUID, and a DN no single object has',
			OWNER,
			OWNER_DN,
			OWNER_DN,
			{ dn: OWNER_DN, guid: undefined },
			false,
		],
		['a GUID, and a DN not looked up', OWNER, OWNER_DN, OWNER_DN, undefined, false],
		[
			'a DN asked for, and a GUID held',
			OWNER_DN,
			OWNER,
			OWNER_DN,
			{ dn: OWNER_DN, guid: OWNER },
			true,
		],
	])('%s', (_label, requested, held, lookUp, found, same) => {
		expect(ownerDnToLookUp(sent(requested), group(held))).toBe(lookUp);
		expect(differencesFromExisting(sent(requested), group(held), found)).toEqual(
			same ? [] : [{ attribute: 'managedBy', requested, existing: held, updatable: true }],
		);
	});
});

describe('Update request', () => {
	const build = (fields: Omit<UpdateGroupFields, 'group'>) =>
		buildUpdateGroupRequest({ group: byId(), ...fields }, store);

	test("the sample's description and company build exactly the documented request body", () => {
		const request = build({
			description: 'Its a demo group!',
			additionalAttributes: [{ name: 'company', value: 'Imanami - Now part of Netwrix' }],
		});
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(`${data}/Groups/${DEMO_GUID}`);
		expect(request.body).toStrictEqual(updateGroupDoc.request);
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(updateGroupDoc.request));
		expect(request.attributeNames).toEqual(['description', 'company']);
	});

	test('no documented sample: each field fills its attribute, Action 0, and only the fields given are sent', () => {
		const request = build({
			description: 'd',
			displayName: 'Sales (all)',
			notes: 'n',
			owner: 'CN=Jane Doe,OU=Staff,DC=demo,DC=local',
			security: 'Public',
		});
		expect(request.body.AttributesCollection.AttributesCollection).toStrictEqual({
			description: [{ Value: 'd', Action: 0 }],
			displayName: [{ Value: 'Sales (all)', Action: 0 }],
			info: [{ Value: 'n', Action: 0 }],
			managedBy: [{ Value: 'CN=Jane Doe,OU=Staff,DC=demo,DC=local', Action: 0 }],
			XGroupSecurity: [{ Value: 'Public', Action: 0 }],
		});
		expect(
			build({ security: 'Semi_Private' }).body.AttributesCollection.AttributesCollection,
		).toStrictEqual({
			XGroupSecurity: [{ Value: 'Semi_Private', Action: 0 }],
		});
		expect(build({ owner: DEMO_GUID }).attributeNames).toEqual(['managedBy']);
		expect(
			build({ owner: `{${DEMO_GUID.toUpperCase()}}` }).body.AttributesCollection
				.AttributesCollection.managedBy,
		).toEqual([{ Value: DEMO_GUID, Action: 0 }]);
	});

	test("an additional attribute may replace a field's attribute (names compared ignoring case)", () => {
		expect(
			build({
				description: 'from the field',
				additionalAttributes: [{ name: 'Description', value: 'from the entry', action: '1' }],
			}).body.AttributesCollection.AttributesCollection,
		).toStrictEqual({ description: [{ Value: 'from the entry', Action: 1 }] });
	});

	test.each<[string, Omit<UpdateGroupFields, 'group'>, string, string]>([
		[
			'nothing to change',
			{},
			'Update Fields',
			'nothing to change: add at least one field with a value (an empty field is not sent, since GroupID documents no way to clear an attribute)',
		],
		[
			'only empty fields',
			{
				description: '',
				notes: '  ',
				displayName: undefined,
				owner: '',
				security: '',
				additionalAttributes: [],
			},
			'Update Fields',
			'nothing to change: add at least one field with a value (an empty field is not sent, since GroupID documents no way to clear an attribute)',
		],
		[
			'an over-long display name',
			{ displayName: 'x'.repeat(257) },
			'Display Name',
			'is 257 characters long; the limit is 256',
		],
		[
			'a description that is an object',
			{ description: { a: 1 } },
			'Description',
			'must be text, not an object',
		],
		[
			'an owner that is an e-mail address',
			{ owner: 'jdoe@demo.local' },
			'Owner',
			'"jdoe@demo.local" is neither an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb) nor a distinguished name (like CN=Administrator,CN=Users,DC=demo,DC=local)',
		],
		[
			'an unknown security',
			{ security: 'Open' },
			'Security',
			'must be one of Private, Semi_Private, Public, not "Open"',
		],
		[
			'an additional attribute without value',
			{ additionalAttributes: [{ name: 'company', value: null }] },
			'Additional Attributes › Value (entry 1)',
			'must be text, not null',
		],
	])('refuses %s', (_label, fields, field, reason) => {
		expect(refusal(() => build(fields))).toEqual([field, reason]);
	});

	test('the group is checked first', () => {
		expect(
			refusal(() => buildUpdateGroupRequest({ group: byId('nope'), description: 'd' }, store)),
		).toEqual([
			'Group',
			'"nope" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)',
		]);
	});
});

describe("reading GroupID's answers", () => {
	test('the documented Get a Group answer becomes one flat item: objectGuid (its ObjectGuid attribute too), then each attribute (one value: text)', () => {
		const group = readObjectAnswer(getGroupDoc.response);
		expect(group).toBe(getGroupDoc.response);
		expect(flattenDirectoryObject(group!)).toStrictEqual({
			objectGuid: DEMO_GUID,
			container: 'OU=Groups,DC=demo,DC=local',
			displayName: '',
			objectClass: 'group',
			name: 'DemoGroup',
			CN: 'DemoGroup',
			objectCategory: null,
		});
	});

	test('an attribute with several values becomes a list; one with none, null', () => {
		const value = (v: string) => ({
			attributeCollection: {},
			action: 0,
			dn: null,
			value: v,
			identityStoreId: 0,
		});
		expect(
			flattenDirectoryObject({
				objectIdFromIdentityStore: DEMO_GUID,
				attributesBusinessObject: {
					attributesCollection: {
						member: [value('CN=a'), value('CN=b')],
						mail: [],
						objectGuid: [value('x')],
					},
				},
			}),
		).toStrictEqual({ objectGuid: DEMO_GUID, member: ['CN=a', 'CN=b'], mail: null });
	});

	test("the same group inside GroupID's envelope is read too; an envelope without one is no group", () => {
		const envelope = { status: 0, message: null, data: getGroupDoc.response, details: [] };
		expect(readObjectAnswer(envelope)).toBe(getGroupDoc.response);
		expect(readObjectAnswer({ status: 0, message: null, data: null, details: [] })).toBeUndefined();
		expect(readObjectAnswer('<html>')).toBeUndefined();
		expect(readObjectAnswer([getGroupDoc.response])).toBeUndefined();
	});

	test('the documented search and preview answers are pages with their total', () => {
		expect(readPageAnswer(searchDoc.response)).toEqual({
			results: searchDoc.response.data,
			totalCount: 1,
		});
		expect(readPageAnswer(previewDoc.response)).toEqual({
			results: previewDoc.response.data,
			totalCount: 5528,
		});
		expect(flattenDirectoryObject(readPageAnswer(searchDoc.response)!.results[0])).toStrictEqual({
			objectGuid: '6f0e0c3a-ef84-40a7-8dff-6cf5a87b2d83',
			displayName: 'apiDisAzure',
			memberOf: null,
			CN: null,
			mail: 'apiDisAzure@5cjshm.onmicrosoft.com',
			objecttype: null,
			commonname: 'apiDisAzure',
			container: 'DC=5cjshm,DC=onmicrosoft,DC=com',
			objectClass: 'group',
			name: 'apiDisAzure',
		});
	});

	test("names are read ignoring case: the search answer's objectclass and Container come out as objectClass and container, as in Get a Group's answer", () => {
		const search = flattenDirectoryObject(searchDoc.response.data[0]);
		const get = flattenDirectoryObject(getGroupDoc.response);
		expect(Object.keys(search)).toEqual(expect.arrayContaining(['objectClass', 'container']));
		expect(Object.keys(get)).toEqual(expect.arrayContaining(['objectClass', 'container']));
		expect(search).not.toHaveProperty('objectclass');
		expect(search).not.toHaveProperty('Container');
	});

	test.each([
		['Get and Get Many', DEFAULT_GROUP_ATTRIBUTES],
		['Get Members', DEFAULT_MEMBER_ATTRIBUTES],
		['User Get and Search', DEFAULT_USER_ATTRIBUTES],
		['Preview Membership', DEFAULT_PREVIEW_ATTRIBUTES],
		['the existing-group search', EXISTING_GROUP_ATTRIBUTES],
		[
			'what GroupID adds by itself',
			['container', 'objectClass', 'name', 'CN', 'objectCategory', 'distinguishedName'],
		],
	])(
		"every attribute %s loads is output under the node's spelling, whatever case GroupID answers in",
		(_label, names) => {
			for (const spell of [
				(name: string) => name.toUpperCase(),
				(name: string) => name.toLowerCase(),
			]) {
				const object = {
					objectIdFromIdentityStore: DEMO_GUID,
					attributesBusinessObject: {
						attributesCollection: Object.fromEntries(
							names.map((name) => [spell(name), [{ value: name }]]),
						),
					},
				};
				expect(flattenDirectoryObject(object)).toStrictEqual({
					objectGuid: DEMO_GUID,
					...Object.fromEntries(names.map((name) => [name, name])),
				});
			}
		},
	);

	test('names that differ only in case in one answer are one attribute, under the first spelling when the node knows no other; an objectGuid attribute is the objectGuid', () => {
		const value = (v: string) => ({ value: v });
		expect(
			flattenDirectoryObject({
				objectIdFromIdentityStore: DEMO_GUID,
				attributesBusinessObject: {
					attributesCollection: {
						ExtensionAttribute1: [value('a')],
						extensionattribute1: [value('a'), value('b')],
						Container: [value('OU=Groups,DC=demo')],
						container: [value('OU=Groups,DC=demo')],
						OBJECTGUID: [value(DEMO_GUID)],
					},
				},
			}),
		).toStrictEqual({
			objectGuid: DEMO_GUID,
			ExtensionAttribute1: ['a', 'b'],
			container: 'OU=Groups,DC=demo',
		});
	});

	test('a page inside an envelope (as {total, data} or as a list) is read too; other shapes are not pages', () => {
		const envelope = { status: 0, message: null, details: [] };
		expect(readPageAnswer({ ...envelope, data: searchDoc.response })).toEqual({
			results: searchDoc.response.data,
			totalCount: 1,
		});
		expect(readPageAnswer({ ...envelope, data: searchDoc.response.data })).toEqual({
			results: searchDoc.response.data,
			totalCount: undefined,
		});
		expect(
			readPageAnswer({ ...envelope, data: [null, ...searchDoc.response.data] })!.results,
		).toHaveLength(1);
		expect(readPageAnswer({ ...envelope, data: null })).toBeUndefined();
		expect(readPageAnswer({ total: 3 })).toBeUndefined();
		expect(readPageAnswer('text')).toBeUndefined();
	});
});

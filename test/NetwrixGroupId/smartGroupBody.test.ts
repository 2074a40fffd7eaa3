import seedRequest from '../fixtures/groupid-create-smart-group.request.json';
import { GROUP_TYPES } from '../../nodes/NetwrixGroupId/requests/groupFields';
import {
	buildSmartGroupRequest,
	smartGroupPath,
	type SmartGroupFields,
} from '../../nodes/NetwrixGroupId/requests/smartGroupBody';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';
import { seedFields } from './seedParameters';

const store = { identityStoreId: 2 };
const build = (changes: Partial<SmartGroupFields> = {}) =>
	buildSmartGroupRequest({ ...seedFields(), ...changes }, store);
const attributes = (changes: Partial<SmartGroupFields> = {}) =>
	build(changes).body.AttributesCollection.AttributesCollection;

function expectInvalid(changes: Partial<SmartGroupFields>, field: string, reason: RegExp) {
	let thrown: unknown;
	try {
		build(changes);
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(InvalidFieldError);
	expect((thrown as InvalidFieldError).field).toBe(field);
	expect((thrown as InvalidFieldError).reason).toMatch(reason);
}

describe('Create Smart Group body: the documented sample', () => {
	test('the sample parameters build exactly the documented request body', () => {
		expect(build().body).toStrictEqual(seedRequest);
	});

	test('attributes come in the documented order, so the JSON is the same text', () => {
		expect(JSON.stringify(build().body)).toBe(JSON.stringify(seedRequest));
	});

	test("without start paths, the container's domain is searched, whole subtree, as in the sample", () => {
		expect(build({ startPaths: [] }).body).toStrictEqual(seedRequest);
		expect(build({ startPaths: undefined }).body).toStrictEqual(seedRequest);
	});

	test('the identity store comes from the credential unless the node names one', () => {
		expect(build({ identityStoreId: '' }).identityStoreId).toBe(2);
		const other = build({ identityStoreId: '7' });
		expect(other.identityStoreId).toBe(7);
		expect(other.body.IdentityStoreID).toBe(7);
		expect(other.body.AttributesCollection.AttributesCollection.identityStoreId).toEqual([
			{ Value: '7', Action: 1 },
		]);
		expect(smartGroupPath(other.identityStoreId)).toBe(
			'/GroupIDDataService/api/IdentityStores/7/Groups/DynamicGroup',
		);
	});
});

describe('Create Smart Group body: derived values', () => {
	test('sAMAccountName, display name, CN and mail nickname default to the group name', () => {
		const a = attributes({ groupName: 'Sales Team' });
		expect(a.sAMAccountName).toEqual([{ Value: 'Sales Team', Action: 1 }]);
		expect(a.displayName).toEqual([{ Value: 'Sales Team', Action: 0 }]);
		expect(a.CN).toEqual([{ Value: 'Sales Team', Action: 0 }]);
		// A mail alias cannot hold a space.
		expect(a.mailNickname).toEqual([{ Value: 'SalesTeam', Action: 0 }]);
	});

	test('each derived value can be set on its own', () => {
		const a = attributes({
			samAccountName: 'sales-sam',
			displayName: 'Sales (all)',
			cn: 'Sales CN',
			mailNickname: 'sales.all',
		});
		expect(a.sAMAccountName[0].Value).toBe('sales-sam');
		expect(a.displayName[0].Value).toBe('Sales (all)');
		expect(a.CN[0].Value).toBe('Sales CN');
		expect(a.mailNickname[0].Value).toBe('sales.all');
		expect(a.name[0].Value).toBe('DemoSmartGroup1');
	});

	test('a group that is not mail-enabled has no objectClass or mail nickname', () => {
		const a = attributes({ mailEnabled: false });
		expect(a.objectClass).toBeUndefined();
		expect(a.mailNickname).toBeUndefined();
		expect(a.objectCategory).toEqual([{ Value: 'group', Action: 0 }]);
	});

	test('empty optional fields are left out rather than sent empty', () => {
		const a = attributes({ description: '', owner: '  ', notes: '' });
		expect(a.description).toBeUndefined();
		expect(a.managedBy).toBeUndefined();
		expect(a.info).toBeUndefined();
	});

	test.each([
		['universalDistribution', '8'],
		['universalSecurity', '-2147483640'],
		['globalDistribution', '2'],
		['globalSecurity', '-2147483646'],
		['domainLocalDistribution', '4'],
		['domainLocalSecurity', '-2147483644'],
	] as const)('group type %s is GroupType %s', (key, expected) => {
		expect(GROUP_TYPES[key]).toBe(expected);
		expect(attributes({ groupType: GROUP_TYPES[key] }).GroupType).toEqual([
			{ Value: expected, Action: 0 },
		]);
	});

	test('several object types are several values, in order, without repeats', () => {
		expect(attributes({ objectTypes: ['8', '6', 6, '1'] }).IMSGObjectTypes).toEqual([
			{ Value: '1', Action: 1 },
			{ Value: '6', Action: 1 },
			{ Value: '8', Action: 1 },
		]);
	});

	test('several start paths are several values, each with its scope', () => {
		expect(
			attributes({
				startPaths: [
					{ path: 'OU=Staff,DC=demo,DC=local', scope: '1' },
					{ path: 'OU=Contractors,DC=demo,DC=local', scope: '2' },
				],
			}).IMSGStartPath,
		).toEqual([
			{ Value: 'OU=Staff,DC=demo,DC=local', Action: 1, AttributeCollection: { Scope: '1' } },
			{ Value: 'OU=Contractors,DC=demo,DC=local', Action: 1, AttributeCollection: { Scope: '2' } },
		]);
	});

	test('an owner GUID is sent as every GUID the node sends: without braces, in lower case (as the documented sample writes it)', () => {
		expect(attributes({ owner: '{19A1822E-E7EF-4206-AF75-1C2D8B1D15EB}' }).managedBy).toEqual([
			{ Value: '19a1822e-e7ef-4206-af75-1c2d8b1d15eb', Action: 1 },
		]);
	});

	test("additional attributes are added, several entries give several values, and a same-named one replaces the form's", () => {
		const a = attributes({
			additionalAttributes: [
				{ name: 'extensionAttribute1', value: 'cost-center-42', action: '1' },
				{ name: 'proxyAddresses', value: 'smtp:a@demo.local', action: '0' },
				{ name: 'proxyAddresses', value: 'smtp:b@demo.local', action: '0' },
				{ name: 'imsgmanagedgrouptype', value: '3', action: '0' },
			],
		});
		expect(a.extensionAttribute1).toEqual([{ Value: 'cost-center-42', Action: 1 }]);
		expect(a.proxyAddresses).toEqual([
			{ Value: 'smtp:a@demo.local', Action: 0 },
			{ Value: 'smtp:b@demo.local', Action: 0 },
		]);
		expect(a.IMSGManagedGroupType).toEqual([{ Value: '3', Action: 0 }]);
		expect(a.imsgmanagedgrouptype).toBeUndefined();
	});
});

describe('Create Smart Group body: criteria', () => {
	const criteriaOf = (
		conditions: Array<{ attribute: unknown; operator: unknown; value?: unknown }>,
		combineWith = 'AND',
	) =>
		attributes({ criteria: { mode: 'conditions', conditions, combineWith } }).IMSGCriteria[0].Value;

	test('conditions are joined by the chosen operator', () => {
		expect(
			criteriaOf(
				[
					{ attribute: 'department', operator: 'Contains', value: 'engineering' },
					{ attribute: 'title', operator: 'Starts With', value: 'Dev' },
				],
				'OR',
			),
		).toBe('(department Contains "engineering") OR (title Starts With "Dev")');
	});

	test('Present and Not Present take no value', () => {
		expect(criteriaOf([{ attribute: 'mail', operator: 'Present', value: 'ignored' }])).toBe(
			'(mail Present)',
		);
		expect(criteriaOf([{ attribute: 'manager', operator: 'Not Present' }])).toBe(
			'(manager Not Present)',
		);
	});

	test('quotes, parentheses and backslashes in a value cannot change the query', () => {
		expect(
			criteriaOf([
				{ attribute: 'department', operator: 'Is Exactly', value: 'R&D "core") OR (x Present' },
			]),
		).toBe('(department Is Exactly "R&D \\"core\\") OR (x Present")');
		expect(criteriaOf([{ attribute: 'path', operator: 'Ends With', value: 'a\\"b\\' }])).toBe(
			'(path Ends With "a\\\\\\"b\\\\")',
		);
	});

	test('numbers from expressions are quoted as text', () => {
		expect(
			criteriaOf([{ attribute: 'employeeNumber', operator: 'Greater Or Equal', value: 1000 }]),
		).toBe('(employeeNumber Greater Or Equal "1000")');
	});

	test('query text is sent as written', () => {
		const text = '((department Contains "eng") AND (title Starts With "Dev \\"senior\\""))';
		expect(attributes({ criteria: { mode: 'raw', text } }).IMSGCriteria[0].Value).toBe(text);
	});
});

describe('Create Smart Group body: bad input is refused before anything is sent', () => {
	test.each<[string, Partial<SmartGroupFields>, string, RegExp]>([
		['an empty name', { groupName: '' }, 'Group Name', /is empty/],
		['a blank name', { groupName: '   ' }, 'Group Name', /is empty/],
		['a name from a null expression', { groupName: null }, 'Group Name', /resolved to nothing/],
		[
			'a name that is an object',
			{ groupName: { a: 1 } },
			'Group Name',
			/must be text, not an object/,
		],
		[
			'an over-long name',
			{ groupName: 'x'.repeat(65) },
			'Group Name',
			/65 characters long; the limit is 64/,
		],
		['a name with a slash', { groupName: 'Sales/EMEA' }, 'Group Name', /contains \//],
		['a name with a comma', { groupName: 'Sales, EMEA' }, 'Group Name', /contains ,/],
		['a name with brackets', { groupName: 'Sales[1]' }, 'Group Name', /contains \[/],
		['a name ending with a period', { groupName: 'Sales.' }, 'Group Name', /ends with a period/],
		['a name with a line break', { groupName: 'Sales\nTeam' }, 'Group Name', /control character/],
		['an empty container', { container: '' }, 'Container', /is empty/],
		[
			'a container that is not a DN',
			{ container: 'Groups' },
			'Container',
			/not of the form type=value/,
		],
		['a container with a missing value', { container: 'OU=,DC=demo' }, 'Container', /has no value/],
		[
			'a container with an unbalanced escape',
			{ container: 'OU=Sales\\,DC=demo\\' },
			'Container',
			/unbalanced escape/,
		],
		[
			'a container with a bad escape',
			{ container: 'OU=Sa\\les,DC=demo' },
			'Container',
			/unbalanced escape/,
		],
		[
			'a container with an empty part',
			{ container: 'OU=Groups,,DC=demo' },
			'Container',
			/empty part/,
		],
		[
			'a container with an unescaped quote',
			{ container: 'OU=Sa"les,DC=demo' },
			'Container',
			/must be escaped/,
		],
		[
			'a container with a bad attribute type',
			{ container: 'O U=Groups,DC=demo' },
			'Container',
			/not an attribute type/,
		],
		['an owner that is not a GUID', { owner: 'jdoe' }, 'Owner', /not an object GUID/],
		[
			'an identity store of 0',
			{ identityStoreId: '0' },
			'Identity Store ID',
			/whole number of 1 or more/,
		],
		[
			'an identity store of -1',
			{ identityStoreId: -1 },
			'Identity Store ID',
			/whole number of 1 or more/,
		],
		[
			'an identity store that is text',
			{ identityStoreId: 'two' },
			'Identity Store ID',
			/not "two"/,
		],
		['an identity store of 2.5', { identityStoreId: 2.5 }, 'Identity Store ID', /whole number/],
		['an unknown group type', { groupType: '16' }, 'Group Type', /must be one of/],
		[
			'an unknown security',
			{ security: 'Secret' },
			'Security',
			/must be one of Private, Semi_Private, Public/,
		],
		['no object type', { objectTypes: [] }, 'Object Types', /at least one/],
		[
			'an unknown object type',
			{ objectTypes: ['12'] },
			'Object Types',
			/not a GroupID object type/,
		],
		[
			'no criteria condition',
			{ criteria: { mode: 'conditions', conditions: [], combineWith: 'AND' } },
			'Conditions',
			/at least one condition/,
		],
		[
			'an unknown operator',
			{
				criteria: {
					mode: 'conditions',
					conditions: [{ attribute: 'department', operator: 'Like', value: 'x' }],
					combineWith: 'AND',
				},
			},
			'Conditions › Operator (condition 1)',
			/"Like" is not a GroupID operator/,
		],
		[
			'a condition without attribute',
			{
				criteria: {
					mode: 'conditions',
					conditions: [{ attribute: '', operator: 'Contains', value: 'x' }],
					combineWith: 'AND',
				},
			},
			'Conditions › Attribute (condition 1)',
			/is empty/,
		],
		[
			'an attribute name with a space',
			{
				criteria: {
					mode: 'conditions',
					conditions: [{ attribute: 'dep artment', operator: 'Contains', value: 'x' }],
					combineWith: 'AND',
				},
			},
			'Conditions › Attribute (condition 1)',
			/not a directory attribute name/,
		],
		[
			'a condition without value',
			{
				criteria: {
					mode: 'conditions',
					conditions: [{ attribute: 'department', operator: 'Contains', value: null }],
					combineWith: 'AND',
				},
			},
			'Conditions › Value (condition 1)',
			/is empty; "Contains" compares the attribute with a value \(to test whether it has one at all, use Present or Not Present\)/,
		],
		[
			'a condition left blank',
			{
				criteria: {
					mode: 'conditions',
					conditions: [{ attribute: 'department', operator: 'Is Exactly', value: '  ' }],
					combineWith: 'AND',
				},
			},
			'Conditions › Value (condition 1)',
			/is empty; "Is Exactly" compares/,
		],
		[
			'an unknown combination',
			{
				criteria: {
					mode: 'conditions',
					conditions: [{ attribute: 'a', operator: 'Present' }],
					combineWith: 'XOR',
				},
			},
			'Combine Conditions With',
			/must be AND or OR/,
		],
		['empty query text', { criteria: { mode: 'raw', text: '' } }, 'Query Text', /is empty/],
		[
			'query text with an unclosed quote',
			{ criteria: { mode: 'raw', text: '(department Contains "eng)' } },
			'Query Text',
			/unclosed double quote/,
		],
		[
			'query text with an unclosed parenthesis',
			{ criteria: { mode: 'raw', text: '((department Present)' } },
			'Query Text',
			/1 unclosed "\("/,
		],
		[
			'query text with a stray parenthesis',
			{ criteria: { mode: 'raw', text: '(a Present))' } },
			'Query Text',
			/without its "\("/,
		],
		[
			'a start path that is not a DN',
			{ startPaths: [{ path: 'demo.local', scope: '2' }] },
			'Start Paths (path 1)',
			/not of the form type=value/,
		],
		[
			'an unknown start path scope',
			{ startPaths: [{ path: 'DC=demo', scope: '3' }] },
			'Start Paths (path 1, Scope)',
			/must be one of 1, 2/,
		],
		[
			'a container without domain and no start path',
			{ container: 'OU=Groups', startPaths: [] },
			'Start Paths',
			/add at least one/,
		],
		[
			'a mail nickname with a space',
			{ mailNickname: 'sales team' },
			'Mail Nickname',
			/contains " "/,
		],
		[
			'an additional attribute without name',
			{ additionalAttributes: [{ name: '', value: 'x' }] },
			'Additional Attributes › Name (entry 1)',
			/is empty/,
		],
		[
			'an additional attribute that is an object',
			{ additionalAttributes: [{ name: 'a', value: { x: 1 } }] },
			'Additional Attributes › Value (entry 1)',
			/not an object/,
		],
		[
			'an additional attribute with an unknown action',
			{ additionalAttributes: [{ name: 'a', value: 'x', action: '5' }] },
			'Additional Attributes › Action (entry 1)',
			/must be one of 0, 1/,
		],
	])('%s', (_label, changes, field, reason) => {
		expectInvalid(changes, field, reason);
	});
});

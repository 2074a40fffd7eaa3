import Ajv from 'ajv';
import nock from 'nock';

import staticSchema from '../../nodes/NetwrixGroupId/__schema__/v1.0.0/group/create.json';
import smartSchema from '../../nodes/NetwrixGroupId/__schema__/v1.0.0/smartGroup/create.json';

import staticDoc from '../fixtures/groupid/create-static-group-entraid.json';
import smartDoc from '../fixtures/groupid/create-smart-group-entraid.json';
import { credentials, interceptGroupId, lookups, runGroupIdNode, type Received } from './support';

/*
 * Creates in a Microsoft Entra ID identity store (Identity Store Type): the node sends the bodies of
 * Netwrix's Entra ID samples, with owners and members given as GUIDs or looked up by email once per
 * run, before anything is sent.
 */

const entraCredentials = { ...credentials, identityStoreId: 3 };
const entraData = '/GroupIDDataService/api/IdentityStores/3';
const TENANT = 'DC=5cjshm,DC=onmicrosoft,DC=com';
const SAMPLE_USER = 'ee3ba6e3-02be-47b2-9892-0510bceabb7b';
const MARIA = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';

type Attributes = Record<string, Array<{ Value: string }>>;
const attributesOf = (request: Received) =>
	(request.body as { AttributesCollection: { AttributesCollection: Attributes } })
		.AttributesCollection.AttributesCollection;
const valuesOf = (request: Received, name: string) =>
	attributesOf(request)[name]?.map(({ Value }) => Value);

/** The documented Search answering with one user whose compared attribute has the searched value; "ghost" finds nobody. */
function lookupAnswer({ body }: Received): [number, unknown] {
	const { attribute, value } = (body as { criteria: { attribute: string; value: string } })
		.criteria;
	if (value.toLowerCase().startsWith('ghost')) return [200, { total: 0, data: [] }];
	const guid = value.toLowerCase().startsWith('maria') ? MARIA : SAMPLE_USER;
	const attributes = { [attribute]: [{ value }], objectClass: [{ value: 'user' }] };
	return [
		200,
		{
			total: 1,
			data: [
				{
					objectIdFromIdentityStore: guid,
					attributesBusinessObject: { attributesCollection: attributes },
				},
			],
		},
	];
}

const answer =
	(response: unknown) =>
	(request: Received): [number, unknown] =>
		request.path.endsWith('/Searches') ? lookupAnswer(request) : [200, response];

const staticSample = {
	resource: 'group',
	operation: 'create',
	identityStoreType: 'entraId',
	groupName: 'apiSecAzure',
	container: { __rl: true, mode: 'dn', value: TENANT },
	entraGroupType: '4',
	security: 'Private',
	owners: SAMPLE_USER,
	members: SAMPLE_USER,
	additionalFields: { description: 'apiSecAzure' },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('Create Static Group in an Entra ID store', () => {
	test('the sample parameters send exactly the documented body to the documented path, and the output says the owners and members', async () => {
		const received = interceptGroupId([200, staticDoc.response]);
		const { output, error } = await runGroupIdNode(staticSample, { credentials: entraCredentials });
		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${entraData}/Groups/StaticGroup`,
		]);
		expect(received[0].body).toStrictEqual(staticDoc.request);
		expect(output![0].json).toEqual({
			groupGuid: staticDoc.response.data,
			groupName: 'apiSecAzure',
			distinguishedName: null,
			container: TENANT,
			groupType: 4,
			security: 'Private',
			owners: [SAMPLE_USER],
			members: [SAMPLE_USER],
			identityStoreId: 3,
			alreadyExisted: false,
		});
		const validate = new Ajv({ allErrors: true }).compile(staticSchema);
		expect({ valid: validate(output![0].json), errors: validate.errors ?? null }).toEqual({
			valid: true,
			errors: null,
		});
	});

	test('a Microsoft 365 group with owners and members by email: each distinct email is looked up once for the whole run', async () => {
		const received = interceptGroupId(answer(staticDoc.response));
		const { output, error } = await runGroupIdNode(
			{
				...staticSample,
				groupName: '={{ $json.name }}',
				entraGroupType: '16',
				owners: 'maria.garcia@demo.local',
				members: '={{ $json.members }}',
			},
			{
				credentials: entraCredentials,
				items: [
					{ name: 'Project Apollo', members: ['maria.garcia@demo.local', SAMPLE_USER] },
					{ name: 'Project Gemini', members: 'Maria.Garcia@demo.local; sam.user@demo.local' },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(
			lookups(received).map(({ body }) => (body as { criteria: { value: string } }).criteria.value),
		).toEqual(['maria.garcia@demo.local', 'sam.user@demo.local']);
		const creates = received.filter(({ path }) => path.endsWith('/Groups/StaticGroup'));
		expect(creates.map((request) => valuesOf(request, 'GroupType'))).toEqual([['16'], ['16']]);
		expect(creates.map((request) => valuesOf(request, 'owners'))).toEqual([[MARIA], [MARIA]]);
		expect(creates.map((request) => valuesOf(request, 'members'))).toEqual([
			[MARIA, SAMPLE_USER],
			[MARIA, SAMPLE_USER],
		]);
		expect(output!.map(({ json }) => json.groupType)).toEqual([16, 16]);
	});

	test('an owner nobody has fails its item with nothing sent for it; the other item is created', async () => {
		const received = interceptGroupId(answer(staticDoc.response));
		const { output, error } = await runGroupIdNode(
			{
				...staticSample,
				groupName: '={{ $json.name }}',
				owners: '={{ $json.owner }}',
				members: '',
			},
			{
				credentials: entraCredentials,
				continueOnFail: true,
				items: [
					{ name: 'A', owner: 'ghost@demo.local' },
					{ name: 'B', owner: MARIA },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(output![0].json.error).toMatch(
			/Could not find owner "ghost@demo.local" \(1 of 1\): no directory object has mail "ghost@demo.local"\. Nothing was sent for this item\./,
		);
		const creates = received.filter(({ path }) => path.endsWith('/Groups/StaticGroup'));
		expect(creates.map(({ body }) => (body as { GroupName: string }).GroupName)).toEqual(['B']);
		expect(valuesOf(creates[0], 'members')).toBeUndefined();
	});

	test('an Active Directory group type left in a saved node is not sent: the Entra ID field decides', async () => {
		const received = interceptGroupId([200, staticDoc.response]);
		const { error } = await runGroupIdNode(
			{ ...staticSample, groupType: '-2147483640', entraGroupType: '32' },
			{ credentials: entraCredentials },
		);
		expect(error).toBeUndefined();
		expect(valuesOf(received[0], 'GroupType')).toEqual(['32']);
		expect(attributesOf(received[0]).groupType).toBeUndefined();
		expect(attributesOf(received[0]).XGroupScope).toBeUndefined();
	});

	test('a member that is neither GUID nor name stops the run before any request, naming the field and the item', async () => {
		const received = interceptGroupId([200, staticDoc.response]);
		const { error } = await runGroupIdNode(
			{ ...staticSample, members: 'bad@' },
			{ credentials: entraCredentials },
		);
		expect(error?.message).toMatch(/Members \(entry 1\)/);
		expect(error?.message).toMatch(/item 0|item 1/i);
		expect(received).toEqual([]);
	});
});

describe('Create Smart Group in an Entra ID store', () => {
	test('the sample parameters send exactly the documented body', async () => {
		const received = interceptGroupId([200, smartDoc.response]);
		const { output, error } = await runGroupIdNode(
			{
				resource: 'smartGroup',
				operation: 'create',
				identityStoreType: 'entraId',
				groupName: 'apiEntraSmart',
				container: { __rl: true, mode: 'dn', value: TENANT },
				entraGroupType: '4',
				security: 'Private',
				owners: SAMPLE_USER,
				members: SAMPLE_USER,
				objectTypes: ['6'],
				conditions: {
					condition: [{ attribute: 'department', operator: 'Contains', value: 'engineering' }],
				},
				additionalFields: {
					description: 'apiEntraSmart',
					notes: smartDoc.request.AttributesCollection.AttributesCollection.info[0].Value,
				},
			},
			{ credentials: entraCredentials },
		);
		expect(error).toBeUndefined();
		expect(received.map(({ path }) => path)).toEqual([`${entraData}/Groups/DynamicGroup`]);
		expect(received[0].body).toStrictEqual(smartDoc.request);
		expect(output![0].json).toMatchObject({
			groupGuid: smartDoc.response.data,
			criteria: '(department Contains "engineering")',
			owners: [SAMPLE_USER],
		});
		const validate = new Ajv({ allErrors: true }).compile(smartSchema);
		expect({ valid: validate(output![0].json), errors: validate.errors ?? null }).toEqual({
			valid: true,
			errors: null,
		});
	});
});

import previewDoc from '../fixtures/groupid/preview-membership.json';
import bulkUpdateDoc from '../fixtures/groupid/update-smart-groups.json';
import { buildSmartGroupRequest } from '../../nodes/NetwrixGroupId/requests/smartGroupBody';
import {
	buildPreviewRequest,
	DEFAULT_PREVIEW_ATTRIBUTES,
	previewPath,
	type PreviewFields,
} from '../../nodes/NetwrixGroupId/requests/smartGroupPreview';
import {
	buildSmartGroupUpdateRequest,
	bulkSmartGroupUpdateRequest,
	bulkUpdateOutcome,
} from '../../nodes/NetwrixGroupId/requests/smartGroupUpdate';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';
import { seedFields } from './seedParameters';

const store = { identityStoreId: 2 };

/** The documented sample's criteria lacks its closing parenthesis; the node refuses that, so the tests close it. */
const DOCUMENTED_CRITERIA = '(department contains "eng"';
const BALANCED_CRITERIA = '(department contains "eng")';

function documentedRequestWithBalancedCriteria() {
	const request = JSON.parse(JSON.stringify(previewDoc.request)) as typeof previewDoc.request;
	expect(request.ExtensionDataAttributes.AttributesCollection.IMSGCriteria[0].Value).toBe(
		DOCUMENTED_CRITERIA,
	);
	request.ExtensionDataAttributes.AttributesCollection.IMSGCriteria[0].Value = BALANCED_CRITERIA;
	return request;
}

const sampleFields = (): PreviewFields => ({
	objectTypes: ['6'],
	criteria: { mode: 'raw', text: BALANCED_CRITERIA },
	startPaths: [{ path: 'GC=DC.demo.local', scope: '2' }],
});
const build = (changes: Partial<PreviewFields> = {}) =>
	buildPreviewRequest({ ...sampleFields(), ...changes }, store);

function refusal(run: () => unknown): [string, string] {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidFieldError);
		return [(error as InvalidFieldError).field, (error as InvalidFieldError).reason];
	}
	throw new Error('expected the builder to refuse the input');
}

describe('Preview Membership request', () => {
	test('the sample parameters build the documented body exactly (its criteria with the missing ")" restored)', () => {
		const request = build();
		expect(request.identityStoreId).toBe(2);
		expect(request.body).toStrictEqual(documentedRequestWithBalancedCriteria());
		expect(JSON.stringify(request.body)).toBe(
			JSON.stringify(documentedRequestWithBalancedCriteria()),
		);
	});

	test('the documented criteria itself, with its unbalanced parenthesis, is refused before anything is sent', () => {
		expect(refusal(() => build({ criteria: { mode: 'raw', text: DOCUMENTED_CRITERIA } }))).toEqual([
			'Query Text',
			'has 1 unclosed "("',
		]);
	});

	test('the path carries the documented query string; pages are numbered from 1', () => {
		expect(previewPath(2, 1, 2)).toBe(
			'/GroupIDDataService/api/IdentityStores/2/Groups/SmartGroups/Members?sortOrder=1&pageNo=1&pageSize=2',
		);
		expect(previewPath(7, 3, 100)).toBe(
			'/GroupIDDataService/api/IdentityStores/7/Groups/SmartGroups/Members?sortOrder=1&pageNo=3&pageSize=100',
		);
	});

	test('the query is built by the same pieces as Create Smart Group: the same values for the same fields', () => {
		const seed = seedFields();
		const created = buildSmartGroupRequest(seed, store).body.AttributesCollection
			.AttributesCollection;
		const previewed = buildPreviewRequest(
			{ objectTypes: seed.objectTypes, criteria: seed.criteria, startPaths: seed.startPaths },
			store,
		).body.ExtensionDataAttributes.AttributesCollection;
		const values = (
			entries: Array<{ Value: string; AttributeCollection?: Record<string, string> }>,
		) =>
			entries.map(({ Value, AttributeCollection }) => ({
				Value,
				scope: AttributeCollection?.Scope,
			}));
		expect(values(previewed.IMSGObjectTypes)).toEqual(values(created.IMSGObjectTypes));
		expect(values(previewed.IMSGCriteria)).toEqual(values(created.IMSGCriteria));
		expect(values(previewed.IMSGStartPath)).toEqual(values(created.IMSGStartPath));
	});

	test('no documented sample: conditions, several object types and several start paths, as Create Smart Group builds them', () => {
		const body = build({
			objectTypes: ['7', '6', '7'],
			criteria: {
				mode: 'conditions',
				conditions: [
					{ attribute: 'department', operator: 'Is Exactly', value: 'R&D "core"' },
					{ attribute: 'mail', operator: 'Present' },
				],
				combineWith: 'OR',
			},
			startPaths: [
				{ path: 'OU=Staff,DC=demo,DC=local', scope: '1' },
				{ path: 'OU=Contractors,DC=demo,DC=local' },
			],
		}).body.ExtensionDataAttributes.AttributesCollection;
		const value = (Value: string, AttributeCollection: Record<string, string> = {}) => ({
			IdentityStoreId: 0,
			Value,
			DN: null,
			Action: 1,
			AttributeCollection,
		});
		expect(body).toStrictEqual({
			IMSGObjectTypes: [value('6'), value('7')],
			IMSGCriteria: [value('(department Is Exactly "R&D \\"core\\"") OR (mail Present)')],
			IMSGStartPath: [
				value('OU=Staff,DC=demo,DC=local', { Scope: '1' }),
				value('OU=Contractors,DC=demo,DC=local', { Scope: '2' }),
			],
		});
	});

	test("no documented sample: attributes to load are the sample's, then the ones added, each once", () => {
		expect(
			build({ attributes: ['mail', 'DisplayName', 'sAMAccountName'] }).body.AttributesToLoad,
		).toEqual([...DEFAULT_PREVIEW_ATTRIBUTES, 'mail', 'sAMAccountName']);
	});

	test.each<[string, Partial<PreviewFields>, string, string]>([
		[
			'no start path',
			{ startPaths: [] },
			'Start Paths',
			'add at least one: a preview has no container whose domain it could search by default',
		],
		[
			'start paths missing',
			{ startPaths: undefined },
			'Start Paths',
			'add at least one: a preview has no container whose domain it could search by default',
		],
		[
			'a start path that is not a DN',
			{ startPaths: [{ path: 'demo.local' }] },
			'Start Paths (path 1)',
			'"demo.local" is not of the form type=value, in "demo.local"',
		],
		[
			'an empty start path',
			{ startPaths: [{ path: 'DC=demo' }, { path: ' ' }] },
			'Start Paths (path 2)',
			'is empty',
		],
		[
			'an unknown scope',
			{ startPaths: [{ path: 'DC=demo', scope: '0' }] },
			'Start Paths (path 1, Scope)',
			'must be one of 1, 2, not "0"',
		],
		[
			'no object type',
			{ objectTypes: [] },
			'Object Types',
			'choose at least one kind of object for the group to hold',
		],
		[
			'an unknown object type',
			{ objectTypes: ['6', 'users'] },
			'Object Types',
			'"users" is not a GroupID object type (1 to 11, e.g. 6 for Users)',
		],
		['empty query text', { criteria: { mode: 'raw', text: ' ' } }, 'Query Text', 'is empty'],
		[
			'query text with an unclosed quote',
			{ criteria: { mode: 'raw', text: '(a Contains "b)' } },
			'Query Text',
			'has an unclosed double quote',
		],
		[
			'no condition',
			{ criteria: { mode: 'conditions', conditions: [], combineWith: 'AND' } },
			'Conditions',
			'add at least one condition, so GroupID knows whom to include',
		],
		[
			'a condition without value',
			{
				criteria: {
					mode: 'conditions',
					conditions: [{ attribute: 'title', operator: 'Starts With', value: '' }],
					combineWith: 'AND',
				},
			},
			'Conditions › Value (condition 1)',
			'is empty; "Starts With" compares the attribute with a value (to test whether it has one at all, use Present or Not Present)',
		],
		[
			'an attribute to load that is an object',
			{ attributes: [{ a: 1 }] },
			'Attributes to Load',
			'entry 1 must be an attribute name, not an object',
		],
	])('refuses %s', (_label, changes, field, reason) => {
		expect(refusal(() => build(changes))).toEqual([field, reason]);
	});

	test('refuses a credential without a valid identity store', () => {
		expect(
			refusal(() => buildPreviewRequest(sampleFields(), { identityStoreId: Number.NaN })),
		).toEqual([
			'Identity Store ID (from the credential)',
			'must be a whole number of 1 or more, not "NaN"',
		]);
	});
});

describe('Run Membership Update request', () => {
	test('no documented request body: POST …/Groups/SmartGroups/{groupIdentity}/Update, as documented', () => {
		expect(
			buildSmartGroupUpdateRequest(
				{ mode: 'id', value: 'F8BC4524-FDCB-4B85-9F3F-D6C0AF7C58AE' },
				store,
			),
		).toStrictEqual({
			identityStoreId: 2,
			identity: { kind: 'guid', value: 'f8bc4524-fdcb-4b85-9f3f-d6c0af7c58ae' },
			method: 'POST',
			path: '/GroupIDDataService/api/IdentityStores/2/Groups/SmartGroups/f8bc4524-fdcb-4b85-9f3f-d6c0af7c58ae/Update',
		});
	});

	test('a name is sent URL-encoded as the path segment', () => {
		expect(
			buildSmartGroupUpdateRequest({ mode: 'name', value: 'Engineering All' }, store).path,
		).toBe('/GroupIDDataService/api/IdentityStores/2/Groups/SmartGroups/Engineering%20All/Update');
	});

	test.each<[string, unknown, string]>([
		['an empty value', '', 'is empty'],
		[
			'a name in the By ID mode',
			'Engineering',
			'"Engineering" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)',
		],
		[
			'a number from an expression',
			42,
			'"42" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)',
		],
	])('refuses %s', (_label, value, reason) => {
		expect(refusal(() => buildSmartGroupUpdateRequest({ mode: 'id', value }, store))).toEqual([
			'Smart Group',
			reason,
		]);
	});
});

describe('Run Membership Update of several Smart Groups in one request (documented "Update Smart Groups")', () => {
	const [first, second] = bulkUpdateDoc.request;

	test('POST …/Groups/SmartGroups/Update with the GUIDs as a JSON array: exactly the documented sample', () => {
		expect(bulkSmartGroupUpdateRequest(2, bulkUpdateDoc.request)).toStrictEqual({
			method: 'POST',
			path: '/GroupIDDataService/api/IdentityStores/2/Groups/SmartGroups/Update',
			body: bulkUpdateDoc.request,
		});
	});

	test("each group's outcome is its own entry of the documented answer, matched by groupID, in any case", () => {
		expect(bulkUpdateOutcome(bulkUpdateDoc.response, second)).toEqual({
			entry: bulkUpdateDoc.response.details[1],
		});
		expect(bulkUpdateOutcome(bulkUpdateDoc.response, first.toUpperCase())).toEqual({
			entry: bulkUpdateDoc.response.details[0],
		});
	});

	test('an entry reporting failure, or no entry for the group, is a failure of that group alone', () => {
		const answer = {
			...bulkUpdateDoc.response,
			details: [
				{
					...bulkUpdateDoc.response.details[0],
					status: 1,
					message: 'The group is not a Smart Group.',
					taskID: null,
				},
			],
		};
		expect(bulkUpdateOutcome(answer, first)).toEqual({
			failure: 'GroupID refused the request: The group is not a Smart Group.',
		});
		expect(bulkUpdateOutcome(answer, second)).toEqual({
			failure:
				"GroupID's answer has no entry for this Smart Group, so whether its update was queued is not known",
		});
		expect(bulkUpdateOutcome({ ...answer, details: [null], message: 'Busy' }, second)).toEqual({
			failure:
				"GroupID's answer has no entry for this Smart Group, so whether its update was queued is not known (GroupID's message: Busy)",
		});
	});
});

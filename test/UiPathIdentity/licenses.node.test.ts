import nock from 'nock';

import allocateDoc from '../fixtures/uipath/allocate-licenses-to-a-group.json';
import {
	allocateGroupLicensesRequest,
	checkAccountId,
	checkBundleCodes,
	USER_BUNDLE_CODES,
} from '../../nodes/UiPathIdentity/requests/licenseRequests';
import { host, patCredentials, runUiPath, useNock } from './support';

useNock();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe("Allocate Licenses against UiPath's documented sample", () => {
	test("the documented example's PUT, at its path under the organization, with the current guides' body", () => {
		const request = allocateGroupLicensesRequest('song-one', 'group-01', [
			'RPADEVPRONU',
			'IDU',
			'CTZDEVCU',
		]);
		expect(request).toEqual({
			method: 'PUT',
			path: 'lease_/api/account/song-one/user-license/group/group-01',
			body: { userBundleCodes: ['RPADEVPRONU', 'IDU', 'CTZDEVCU'] },
		});
		expect(allocateDoc.request.method).toBe(request.method);
		expect(allocateDoc.request.url).toBe(`https://{yourDomain}/{organizationName}/${request.path}`);
		// The example's codes, without the older guides' useExternalLicense, which the current ones dropped.
		const { useExternalLicense, ...current } = allocateDoc.request.body;
		expect(useExternalLicense).toBe(false);
		expect(request.body).toEqual(current);
		expect(Object.keys(request.body!)).toEqual(Object.keys(allocateDoc.currentBody));
	});

	test('the codes offered are the documented user bundle codes, each once', () => {
		expect(USER_BUNDLE_CODES.map(({ code }) => code).sort()).toEqual(
			[...allocateDoc.userBundleCodes].sort(),
		);
	});

	test('codes: picked and typed, repeats dropped, at least one, letters and digits only; the account is the organization unless given', () => {
		expect(checkBundleCodes(['RPADEVPRONU', 'IDU'], 'CTZDEVCU, IDU\nATTUNU')).toEqual([
			'RPADEVPRONU',
			'IDU',
			'CTZDEVCU',
			'ATTUNU',
		]);
		expect(checkBundleCodes('ATTUNU;TSTNU', undefined)).toEqual(['ATTUNU', 'TSTNU']);
		expect(() => checkBundleCodes([], ' ')).toThrow(
			'User Bundle Codes: is empty: pick at least one user bundle code (or type one under Other Bundle Codes)',
		);
		expect(() => checkBundleCodes(['RPA DEV'], '')).toThrow(
			'User Bundle Codes: "RPA DEV" is not a user bundle code (letters and digits, like RPADEVPRONU)',
		);
		expect(() => checkBundleCodes(['RPA/DEV'], '')).toThrow(
			'User Bundle Codes: "RPA/DEV" is not a user bundle code (letters and digits, like RPADEVPRONU)',
		);
		expect(() => checkBundleCodes([3], '')).toThrow(
			'User Bundle Codes: entry 1 must be a user bundle code, not a number',
		);
		expect(checkAccountId('', 'magic-7')).toBe('magic-7');
		expect(checkAccountId(' song-one ', 'magic-7')).toBe('song-one');
	});
});

describe('Allocate Licenses in the engine', () => {
	const leasePath = (account: string, group: string) =>
		`/hogwarts/lease_/api/account/${account}/user-license/group/${group}`;

	test('one PUT per item, under the organization (no tenant), with the codes; the output says what was allocated', async () => {
		const bodies: unknown[] = [];
		nock(host)
			.put(leasePath('magic-7', 'g1'))
			.reply(200, (_uri, body) => {
				bodies.push(body);
				return { groupId: 'g1' };
			})
			.put(leasePath('song-one', 'g2'))
			.reply(200, (_uri, body) => {
				bodies.push(body);
				return '';
			});
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'allocateLicenses',
				groupId: '={{ $json.group }}',
				userBundleCodes: ['RPADEVPRONU'],
				additionalFields: {
					otherBundleCodes: '={{ $json.other }}',
					accountId: '={{ $json.account }}',
				},
			},
			items: [
				{ group: 'g1', other: '', account: '' },
				{ group: 'g2', other: 'CTZDEVCU', account: 'song-one' },
			],
		});
		expect(error).toBeUndefined();
		expect(bodies).toEqual([
			{ userBundleCodes: ['RPADEVPRONU'] },
			{ userBundleCodes: ['RPADEVPRONU', 'CTZDEVCU'] },
		]);
		expect(output!.map(({ json }) => json)).toEqual([
			{
				groupId: 'g1',
				accountId: 'magic-7',
				userBundleCodes: ['RPADEVPRONU'],
				allocated: { groupId: 'g1' },
			},
			{
				groupId: 'g2',
				accountId: 'song-one',
				userBundleCodes: ['RPADEVPRONU', 'CTZDEVCU'],
				allocated: null,
			},
		]);
	});

	test("409 past the purchased quantity: the server's own message, once (no retry); with Continue On Fail the next item still goes", async () => {
		const detail =
			'The license allocation is not allowed because it exceeds the account license quantities: RPADEVPRONU has 1 purchased and 1 allocated.';
		let conflicts = 0;
		nock(host)
			.put(leasePath('magic-7', 'g2'))
			.reply(() => {
				conflicts++;
				return [409, { title: 'Conflict', status: 409, detail }];
			})
			.put(leasePath('magic-7', 'g3'))
			.reply(200, {});
		const stopped = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'allocateLicenses',
				groupId: byId('g2'),
				userBundleCodes: ['RPADEVPRONU'],
			},
		});
		expect(stopped.error?.message).toBe(
			`UiPath refused the licence allocation: it exceeds the licences the organization bought: ${detail}`,
		);
		expect(conflicts).toBe(1);

		nock(host)
			.put(leasePath('magic-7', 'g2'))
			.reply(409, { title: 'Conflict', status: 409, detail });
		const continued = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'allocateLicenses',
				groupId: '={{ $json.group }}',
				userBundleCodes: ['RPADEVPRONU'],
			},
			items: [{ group: 'g2' }, { group: 'g3' }],
			continueOnFail: true,
		});
		expect(continued.output!.map(({ json }) => json.error ?? json.groupId)).toEqual([
			expect.stringContaining(detail),
			'g3',
		]);
	});

	test('a standalone Orchestrator: refused before anything is sent', async () => {
		const { error } = await runUiPath({
			credentials: {
				...patCredentials,
				baseUrl: 'https://orchestrator.example.com/',
				deployment: 'standalone',
			},
			parameters: {
				resource: 'group',
				operation: 'allocateLicenses',
				groupId: byId('g1'),
				userBundleCodes: ['ATTUNU'],
			},
		});
		expect(error?.message).toMatch(
			/^Allocate Licenses is not available in a standalone Orchestrator/,
		);
	});

	test('no codes: the item is refused, naming the field, before anything is sent', async () => {
		const { error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'allocateLicenses',
				groupId: byId('g1'),
				userBundleCodes: [],
			},
		});
		expect(error?.message).toBe(
			'Invalid "User Bundle Codes" in item 0: is empty: pick at least one user bundle code (or type one under Other Bundle Codes)',
		);
	});
});

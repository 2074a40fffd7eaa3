// @ts-check
'use strict';

const {
	parseCriteria,
	matches,
	test: holds,
	normalizeOperator,
} = require('../../sandbox/criteria');
const { GROUPID_DIRECTORY_USERS } = require('../../sandbox/accounts');

/** sAMAccountNames of the sample users a criteria selects. @param {string} text */
const select = (text) => {
	const node = parseCriteria(text);
	return GROUPID_DIRECTORY_USERS.filter((u) => matches(node, /** @type {any} */ (u))).map(
		(u) => u.sAMAccountName,
	);
};

describe('GroupID criteria (Smart Group query text)', () => {
	test.each([
		['(department Contains "engineering")', ['mgarcia', 'jwilson', 'pnatarajan']],
		['(department contains "eng")', ['mgarcia', 'jwilson', 'pnatarajan']],
		['(department Is Exactly "Sales")', ['dkim', 'smartin', 'arahman']],
		['(department Is Exactly "sale")', []],
		['(givenName Starts With "Mar")', ['mgarcia', 'mrossi']],
		['(sn Ends With "IN")', ['smartin']],
		['(telephoneNumber Present)', ['mgarcia', 'jwilson', 'pnatarajan', 'dkim', 'tbecker']],
		['(telephoneNumber Not Present)', ['mrossi', 'smartin', 'arahman']],
		['(department Isn\'t "Engineering")', ['mrossi', 'dkim', 'smartin', 'tbecker', 'arahman']],
		['(title Not Contain "engineer")', ['mrossi', 'dkim', 'smartin', 'tbecker']],
		['(title Doesn\'t Start With "S")', ['mrossi', 'jwilson', 'pnatarajan', 'dkim', 'tbecker']],
		['(mail Doesn\'t End With "@demo.local")', []],
		['(department Is Exactly "Sales") AND (title Contains "Engineer")', ['arahman']],
		[
			'(department Is Exactly "Finance") OR (title Contains "Manager")',
			['mrossi', 'pnatarajan', 'smartin', 'tbecker'],
		],
		[
			'(department Is Exactly "Sales") AND ((title Contains "Manager") OR (l Is Exactly "New York"))',
			['dkim', 'smartin', 'arahman'],
		],
		['((l Is Exactly "Chicago"))', ['mrossi', 'tbecker']],
		['department Is Exactly Finance', ['mrossi', 'tbecker']],
		['(sAMAccountName Greater Or Equal "s")', ['smartin', 'tbecker']],
		['(sAMAccountName Less Or Equal "dkim")', ['arahman', 'dkim']],
		['(nosuchattribute Isn\'t "x")', GROUPID_DIRECTORY_USERS.map((u) => u.sAMAccountName)],
		['(displayName Is Exactly "Maria \\"Mia\\" Garcia")', []],
	])('%s', (text, expected) => {
		expect(select(text).sort()).toEqual([...expected].sort());
	});

	test('quotes inside values: \\" and ""', () => {
		expect(parseCriteria('(info Is Exactly "a \\"b\\" c")')).toEqual({
			condition: { op: 'is exactly', attribute: 'info', value: 'a "b" c' },
		});
		expect(parseCriteria('(info Is Exactly "a ""b""")')).toEqual({
			condition: { op: 'is exactly', attribute: 'info', value: 'a "b"' },
		});
	});

	test('AND binds tighter than OR', () => {
		expect(parseCriteria('(a Present) OR (b Present) AND (c Present)')).toEqual({
			or: [
				{ condition: { op: 'present', attribute: 'a', value: '' } },
				{
					and: [
						{ condition: { op: 'present', attribute: 'b', value: '' } },
						{ condition: { op: 'present', attribute: 'c', value: '' } },
					],
				},
			],
		});
	});

	test.each([
		['', /empty/],
		['(department contains "eng"', /'\)' expected/],
		['(department Sounds Like "x")', /an operator expected after 'department'/],
		['(department Contains "eng) ', /unterminated/],
		['(department Contains "eng") XOR (a Present)', /unexpected text/],
		['("x" Contains "y")', /an attribute name expected/],
		['(department Contains)', /a value expected/],
	])('%j is refused', (text, message) => {
		expect(() => parseCriteria(text)).toThrow(message);
	});

	test('multi-valued attributes: a positive operator needs one value, a negative one none', () => {
		expect(holds('is exactly', ['top', 'group'], 'GROUP')).toBe(true);
		expect(holds("isn't", ['top', 'group'], 'group')).toBe(false);
		expect(holds('not contain', [], 'x')).toBe(true);
		expect(holds('greater or equal', ['10'], '9')).toBe(true); // numbers compare as numbers
		expect(holds('less or equal', ['10'], '9')).toBe(false);
	});

	test('normalizeOperator accepts any case and spacing, and the typographic apostrophe', () => {
		expect(normalizeOperator('  is   EXACTLY ')).toBe('is exactly');
		expect(normalizeOperator('Doesn’t Start With')).toBe("doesn't start with");
		expect(normalizeOperator('Like')).toBeUndefined();
		expect(normalizeOperator(7)).toBeUndefined();
	});
});

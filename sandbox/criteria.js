// @ts-check
'use strict';

/**
 * GroupID Query Designer text (IMSGCriteria), as far as the sandbox understands it:
 *
 *   (department Contains "engineering")
 *   (department Is Exactly "Sales") OR ((title Starts With "Senior") AND (telephoneNumber Present))
 *
 * conditions `attribute Operator "value"` (Present / Not Present take no value), optionally in parentheses, joined by
 * AND / OR (AND binds tighter; parentheses group). Values are double-quoted (`\"` or `""` inside for a quote); an
 * unquoted single word is accepted too. Attribute names, operators and values compare case-insensitively.
 *
 * Operators (the documented list): Contains, Not Contain, Is Exactly, Isn't, Starts With, Doesn't Start With,
 * Ends With, Doesn't End With, Present, Not Present, Greater Or Equal, Less Or Equal.
 * A negative operator (Isn't, Not Contain, Doesn't …, Not Present) matches objects without the attribute, as an
 * LDAP `(!(…))` filter does. A multi-valued attribute matches a positive operator when one of its values does.
 */

/** @typedef {{op: string, attribute: string, value: string}} Condition */
/** @typedef {{and: Node[]}|{or: Node[]}|{condition: Condition}} Node */

/** Operators, longest first so that "Not Present" wins over "Present". */
const OPERATORS = [
	"doesn't start with",
	"doesn't end with",
	'greater or equal',
	'less or equal',
	'not present',
	'not contain',
	'starts with',
	'is exactly',
	'ends with',
	'contains',
	'present',
	"isn't",
];
const NO_VALUE = new Set(['present', 'not present']);

/** Canonical spelling of an operator, or undefined. @param {unknown} op */
function normalizeOperator(op) {
	if (typeof op !== 'string') return undefined;
	const o = op.trim().replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase();
	return OPERATORS.includes(o) ? o : undefined;
}

class CriteriaError extends Error {}

/**
 * @param {string} text
 * @returns {Node}
 * @throws {CriteriaError}
 */
function parseCriteria(text) {
	let pos = 0;
	const fail = (/** @type {string} */ what) => {
		throw new CriteriaError(`${what} at position ${pos + 1} of ${JSON.stringify(text)}`);
	};
	const skip = () => {
		while (pos < text.length && /\s/.test(text[pos])) pos++;
	};
	/** @param {RegExp} re */
	const take = (re) => {
		skip();
		const m = re.exec(text.slice(pos));
		if (!m) return undefined;
		pos += m[0].length;
		return m;
	};
	const keyword = (/** @type {'and'|'or'} */ k) =>
		take(k === 'and' ? /^and(?=[\s(])/i : /^or(?=[\s(])/i);

	/** @returns {Node} */
	function expr() {
		const parts = [and()];
		while (keyword('or')) parts.push(and());
		return parts.length === 1 ? parts[0] : { or: parts };
	}
	/** @returns {Node} */
	function and() {
		const parts = [primary()];
		while (keyword('and')) parts.push(primary());
		return parts.length === 1 ? parts[0] : { and: parts };
	}
	/** @returns {Node} */
	function primary() {
		skip();
		if (text[pos] === '(') {
			pos++;
			const inner = expr();
			if (!take(/^\)/)) fail("')' expected");
			return inner;
		}
		return { condition: condition() };
	}
	/** @returns {Condition} */
	function condition() {
		const attr = take(/^[A-Za-z][\w.-]*/);
		if (!attr) fail('an attribute name expected');
		skip();
		const rest = text.slice(pos).replace(/’/g, "'").toLowerCase();
		const op = OPERATORS.find((o) => rest.startsWith(o) && !/[\w']/.test(rest[o.length] ?? ' '));
		if (!op) fail(`an operator expected after '${attr?.[0]}'`);
		pos += /** @type {string} */ (op).length;
		if (NO_VALUE.has(/** @type {string} */ (op)))
			return {
				op: /** @type {string} */ (op),
				attribute: /** @type {RegExpExecArray} */ (attr)[0],
				value: '',
			};
		skip();
		let value;
		if (text[pos] === '"') {
			pos++;
			value = '';
			for (;;) {
				if (pos >= text.length) fail('unterminated "value"');
				const c = text[pos];
				if (c === '\\' && pos + 1 < text.length) {
					value += text[pos + 1];
					pos += 2;
				} else if (c === '"' && text[pos + 1] === '"') {
					value += '"';
					pos += 2;
				} else if (c === '"') {
					pos++;
					break;
				} else {
					value += c;
					pos++;
				}
			}
		} else {
			const word = take(/^[^\s()"]+/);
			if (!word) fail('a value expected');
			value = /** @type {RegExpExecArray} */ (word)[0];
		}
		return {
			op: /** @type {string} */ (op),
			attribute: /** @type {RegExpExecArray} */ (attr)[0],
			value,
		};
	}

	if (typeof text !== 'string' || text.trim() === '')
		throw new CriteriaError('the criteria is empty');
	const node = expr();
	skip();
	if (pos < text.length) fail('unexpected text');
	return node;
}

/**
 * Values of an attribute of an object, case-insensitively (missing, null and '' → no value).
 * @param {Record<string, unknown>} object @param {string} attribute @returns {string[]}
 */
function valuesOf(object, attribute) {
	const wanted = attribute.toLowerCase();
	for (const [k, v] of Object.entries(object)) {
		if (k.toLowerCase() !== wanted) continue;
		const list = Array.isArray(v) ? v : [v];
		return list.filter((x) => x !== undefined && x !== null && x !== '').map(String);
	}
	return [];
}

/**
 * Whether a condition holds for an object.
 * @param {string} op normalized (see normalizeOperator) @param {string[]} values the object's values @param {string} given
 */
function test(op, values, given) {
	const g = given.toLowerCase();
	const lower = values.map((v) => v.toLowerCase());
	/** @param {(v: string) => boolean} f */
	const any = (f) => lower.some(f);
	const compare = (/** @type {string} */ v) => {
		const a = Number(v);
		const b = Number(given);
		if (v.trim() !== '' && given.trim() !== '' && Number.isFinite(a) && Number.isFinite(b))
			return a - b;
		return v.localeCompare(g, 'en', { sensitivity: 'base' });
	};
	switch (op) {
		case 'contains':
			return any((v) => v.includes(g));
		case 'not contain':
			return !any((v) => v.includes(g));
		case 'is exactly':
			return any((v) => v === g);
		case "isn't":
			return !any((v) => v === g);
		case 'starts with':
			return any((v) => v.startsWith(g));
		case "doesn't start with":
			return !any((v) => v.startsWith(g));
		case 'ends with':
			return any((v) => v.endsWith(g));
		case "doesn't end with":
			return !any((v) => v.endsWith(g));
		case 'present':
			return lower.length > 0;
		case 'not present':
			return lower.length === 0;
		case 'greater or equal':
			return any((v) => compare(v) >= 0);
		case 'less or equal':
			return any((v) => compare(v) <= 0);
		default:
			return false;
	}
}

/**
 * @param {Node} node @param {Record<string, unknown>} object
 * @returns {boolean}
 */
function matches(node, object) {
	if ('and' in node) return node.and.every((n) => matches(n, object));
	if ('or' in node) return node.or.some((n) => matches(n, object));
	const { op, attribute, value } = node.condition;
	return test(op, valuesOf(object, attribute), value);
}

module.exports = { parseCriteria, matches, test, valuesOf, normalizeOperator, CriteriaError };

// @ts-check
'use strict';

/**
 * Reading GroupID requests: attribute collections, attribute names, dates, paging and sort order. Bodies spell
 * names in any case, so every field is looked up case-insensitively.
 */

const { isObject, nonEmptyString, isPositiveInteger } = require('../http');

/** .NET DateTime.MinValue: "no date" in joinType / leaveType. */
const NO_DATE = /^0001-01-01(T00:00:00(\.0+)?Z?)?$/;

/** Attribute names the sandbox spells one way, whatever case a request uses. */
const CANONICAL = [
	'objectGUID',
	'name',
	'CN',
	'sAMAccountName',
	'displayName',
	'description',
	'distinguishedName',
	'container',
	'managedBy',
	'groupType',
	'mail',
	'mailNickname',
	'info',
	'company',
	'XGroupSecurity',
	'XGroupScope',
	'IMSGManagedGroupType',
	'IMSGCriteria',
	'IMSGObjectTypes',
	'IMSGStartPath',
	'SmartGroupMainType',
	'member',
	'memberOf',
	'objectClass',
	'objectCategory',
	'whenCreated',
	'whenChanged',
	'IMGIsExpired',
	'IMGExpirationDate',
];
const CANONICAL_BY_LOWER = new Map(CANONICAL.map((n) => [n.toLowerCase(), n]));

/** A property of an object, its name compared case-insensitively. @param {Record<string, any>} o @param {string} name */
function prop(o, name) {
	if (name in o) return o[name];
	const lower = name.toLowerCase();
	for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
	return undefined;
}

/** @param {string} name */
function canonical(name) {
	return CANONICAL_BY_LOWER.get(name.toLowerCase()) ?? name;
}

/**
 * Values of one attribute of a request's AttributesCollection: `[{Value, …}]`, `["…"]` or `"…"`.
 * Empty and null values are left out (so `[]` or `[{"Value": ""}]` clears an attribute).
 * @param {unknown} raw @returns {string[]|undefined} undefined when the shape is wrong
 */
function requestValues(raw) {
	const list = Array.isArray(raw) ? raw : [raw];
	/** @type {string[]} */
	const out = [];
	for (const item of list) {
		const v = isObject(item) ? prop(item, 'Value') : item;
		if (v === undefined || v === null || v === '') continue;
		if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
		out.push(String(v));
	}
	return out;
}

/** IMSGStartPath entries of a request: `[{Value, AttributeCollection: {Scope}}]`. @param {unknown} raw */
function startPathsOf(raw) {
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
	/** @type {{path: string, scope: string}[]} */
	const out = [];
	for (const item of list) {
		const path = isObject(item) ? prop(item, 'Value') : item;
		if (!nonEmptyString(path)) continue;
		const collection = isObject(item) ? prop(item, 'AttributeCollection') : undefined;
		const scope = isObject(collection) ? prop(collection, 'Scope') : undefined;
		out.push({
			path: path.trim(),
			scope: scope === undefined || scope === null ? '2' : String(scope),
		});
	}
	return out;
}

/** The AttributesCollection of a request: `{AttributesCollection: {AttributesCollection: {...}}}`. @param {Record<string, any>} body */
function attributeCollection(body) {
	const outer = prop(body, 'AttributesCollection');
	if (!isObject(outer)) return undefined;
	const inner = prop(outer, 'AttributesCollection');
	return isObject(inner) ? inner : undefined;
}

/** @param {unknown} v */
function listOf(v) {
	if (v === undefined || v === null) return [];
	return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** @param {unknown} v @returns {string[]|undefined} undefined: not an array of strings */
function stringList(v) {
	if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return undefined;
	return v;
}

/**
 * Attribute names from a body: `[...]`, `{attributesToLoad: [...]}` or `{attributes: [...]}`.
 * @param {unknown} value @returns {string[]|undefined|null} undefined: none given; null: malformed
 */
function attributeList(value) {
	if (value === undefined || value === null) return undefined;
	const list = Array.isArray(value)
		? value
		: isObject(value)
			? (prop(value, 'attributesToLoad') ?? prop(value, 'attributes'))
			: null;
	if (list === undefined) return undefined;
	const names = stringList(list);
	return names === undefined ? null : names;
}

/** An ISO date, or null for absent / 0001-01-01; undefined when not a date. @param {unknown} v */
function dateOrNull(v) {
	if (v === undefined || v === null || v === '') return null;
	if (typeof v !== 'string') return undefined;
	if (NO_DATE.test(v.trim())) return null;
	const t = Date.parse(v);
	return Number.isNaN(t) ? undefined : v.trim();
}

/**
 * Paging arguments from a body or a query: pageNo (from 1, default 1), pageSize (positive; default: everything).
 * @param {unknown} pageNo @param {unknown} pageSize @returns {{pageNo: number, pageSize: number|undefined}|{error: string}}
 */
function paging(pageNo, pageSize) {
	/** @param {unknown} v */
	const int = (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);
	const no = pageNo === undefined || pageNo === null || pageNo === '' ? 1 : int(pageNo);
	const size =
		pageSize === undefined || pageSize === null || pageSize === '' ? undefined : int(pageSize);
	if (!isPositiveInteger(no))
		return { error: `pageNo must be a whole number from 1, got ${JSON.stringify(pageNo)}.` };
	if (size !== undefined && !isPositiveInteger(size))
		return { error: `pageSize must be a whole number from 1, got ${JSON.stringify(pageSize)}.` };
	return { pageNo: no, pageSize: /** @type {number|undefined} */ (size) };
}

/** Paging arguments from the query string (?pageNo=&pageSize=). @param {URLSearchParams} query */
function queryPaging(query) {
	return paging(query.get('pageNo') ?? undefined, query.get('pageSize') ?? undefined);
}

/** Whether a sort order asks for descending: 2, "2", "Descending", "desc". @param {unknown} order */
function descending(order) {
	if (order === 2) return true;
	return typeof order === 'string' && /^\s*(2|desc(ending)?)\s*$/i.test(order);
}

module.exports = {
	prop,
	canonical,
	requestValues,
	startPathsOf,
	attributeCollection,
	listOf,
	stringList,
	attributeList,
	dateOrNull,
	paging,
	queryPaging,
	descending,
};

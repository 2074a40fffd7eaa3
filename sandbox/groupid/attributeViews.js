// @ts-check
'use strict';

/**
 * How the Data Service prints attributes and list items. The documented samples use two serializations: the older
 * one ('classic': Get a Group / a User, preview, Groups/All) and the newer one of the Search samples ('search').
 */

const { STORE_NUMBER } = require('./context');

/** @typedef {'search'|'classic'} Style */

/** Added to every object of GET a group / a user, preview and Groups/All, as in the documented samples. */
const ALWAYS = ['container', 'objectClass', 'name', 'CN', 'objectCategory'];
/** Added to every object a Search returns (documented "Search Group Members" sample). */
const ALWAYS_IN_SEARCH = [
	'distinguishedName',
	'objectCategory',
	'container',
	'objectClass',
	'name',
];

/**
 * One attribute value as the Data Service prints it.
 * @param {string} value @param {Style} style @param {Record<string, string>} [attributeCollection]
 */
function attrItem(value, style, attributeCollection = {}) {
	if (style === 'search') {
		return {
			identityStoreId: 0,
			value,
			dn: null,
			action: 0,
			attributeCollection,
			nestedAttributes: { attributesCollection: {}, filePermissionCollection: {}, type: null },
		};
	}
	return { attributeCollection, action: 0, dn: null, value, identityStoreId: 0 };
}

/**
 * `attributesCollection` of a response: the requested attributes under the requested spelling (no value → []),
 * then the always-added ones; without a request, every attribute the object has.
 * @param {Record<string, string[]>} attrs @param {string[]|undefined} requested @param {string[]} always
 * @param {Style} style @param {Record<string, Record<string, string>[]>} [collections] per-value attributeCollection
 */
function attributesCollection(attrs, requested, always, style, collections = {}) {
	/** @type {Map<string, string>} */
	const keys = new Map(Object.keys(attrs).map((k) => [k.toLowerCase(), k]));
	/** @type {Record<string, object[]>} */
	const out = {};
	const seen = new Set();
	const names = requested ? [...requested, ...always] : Object.keys(attrs);
	for (const name of names) {
		if (seen.has(name.toLowerCase())) continue;
		seen.add(name.toLowerCase());
		const key = keys.get(name.toLowerCase());
		const values = key === undefined ? [] : attrs[key];
		const extra = key === undefined ? undefined : collections[key];
		out[name] = values.map((v, i) => attrItem(v, style, extra?.[i] ?? {}));
	}
	return out;
}

/**
 * A list item of Search, preview and Groups/All (the documented samples differ in serialization and key order).
 * @param {'group'|'user'|'organizationalUnit'} objectType @param {string} id @param {string} displayName
 * @param {object} collection @param {Style} style
 */
function listItem(objectType, id, displayName, collection, style) {
	if (style === 'search') {
		return {
			objectIdFromIdentityStore: id,
			identityStoreId: STORE_NUMBER,
			identityStore: null,
			objectType,
			objectName: null,
			objectDisplayName: displayName,
			stopNotification: false,
			attributesBusinessObject: {
				attributesCollection: collection,
				filePermissionCollection: {},
				type: null,
			},
			elasticHitScore: 0,
		};
	}
	return {
		attributesBusinessObject: {
			attributesCollection: collection,
			type: null,
			filePermissionCollection: {},
		},
		objectIdFromIdentityStore: id,
		elasticHitScore: 1,
		objectDisplayName: displayName,
		stopNotification: false,
		objectName: null,
		identityStore: null,
		identityStoreId: STORE_NUMBER,
		objectType,
	};
}

module.exports = { ALWAYS, ALWAYS_IN_SEARCH, attributesCollection, listItem };

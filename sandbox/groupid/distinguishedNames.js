// @ts-check
'use strict';

/**
 * Distinguished names: escaping, comparing, and whether one lies in a container.
 */

/** RFC 4514 escaping of an RDN value. @param {string} value */
function escapeRdn(value) {
	return value
		.replace(/[\\,+"<>;=]/g, '\\$&')
		.replace(/^([ #])/, '\\$1')
		.replace(/ $/, '\\ ');
}

/** For comparing DNs: lower case, no blanks around `,` and `=`. @param {string} dn */
function normalizeDn(dn) {
	return dn
		.trim()
		.replace(/\s*([,=])\s*/g, '$1')
		.toLowerCase();
}

/** Whether `dn` lies in `base` (scope '1': directly in it; else anywhere below it). @param {string} dn @param {string} base @param {string} scope */
function inContainer(dn, base, scope) {
	const d = normalizeDn(dn);
	const b = normalizeDn(base);
	if (b.startsWith('gc=')) return true; // a global catalog start path: the whole forest
	const parent = d.replace(/^(?:[^,\\]|\\.)*,/, '');
	if (scope === '1' || scope.toLowerCase() === 'onelevel') return parent === b;
	return d.endsWith(`,${b}`);
}

module.exports = { escapeRdn, normalizeDn, inContainer };

// @ts-check
'use strict';
/**
 * The output schemas n8n's editor shows before a node runs. It asks for the schema of the node's
 * exact version (`/schemas/<node type>/<major.minor.patch>/<resource>/<operation>.json`), and n8n
 * answers that route from `__schema__/v<major.minor.patch>/` beside the node's file, with no
 * fallback to another version's folder. A node keeps a folder only for the versions whose output
 * changed; each of its other versions gets, at build time, a copy of the schema that n8n's own
 * version fallback (the one it uses elsewhere) picks for it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { resolveOutputSchemaPath } = require('n8n-core');

const SCHEMA_FOLDER = '__schema__';

/** 1.1 → "1.1.0", as n8n names version folders. @param {number} version */
function versionFolder(version) {
	return `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
}

/**
 * Every "<resource>/<operation>.json" of a node's schemas, over all its version folders.
 * @param {string} nodeDir the folder of the node's file
 * @returns {string[]}
 */
function schemaFiles(nodeDir) {
	const schemaDir = path.join(nodeDir, SCHEMA_FOLDER);
	if (!fs.existsSync(schemaDir)) return [];
	const files = new Set();
	for (const version of fs.readdirSync(schemaDir)) {
		for (const resource of fs.readdirSync(path.join(schemaDir, version))) {
			for (const file of fs.readdirSync(path.join(schemaDir, version, resource))) files.add(`${resource}/${file}`);
		}
	}
	return [...files].sort();
}

/**
 * The schema file n8n's version fallback picks for one version, resource and operation of the
 * node in `nodeDir`; undefined when there is none.
 * @param {string} nodeDir @param {number} version @param {string} resource @param {string} operation
 * @returns {string | undefined}
 */
function schemaFor(nodeDir, version, resource, operation) {
	return resolveOutputSchemaPath({ nodeDir, version, resource, operation, versionFallback: true });
}

/**
 * Gives each of the node's versions its own folder (see above): a copy of each schema it has no
 * file of, from the folder n8n's fallback picks. Returns the files written.
 * @param {string} nodeDir the folder of the node's built file @param {number[]} versions
 * @returns {string[]}
 */
function fillVersionFolders(nodeDir, versions) {
	const written = [];
	for (const file of schemaFiles(nodeDir)) {
		const [resource, operation] = file.replace(/\.json$/, '').split('/');
		for (const version of versions) {
			const exact = path.join(nodeDir, SCHEMA_FOLDER, versionFolder(version), file);
			const picked = schemaFor(nodeDir, version, resource, operation);
			if (fs.existsSync(exact) || picked === undefined) continue;
			fs.mkdirSync(path.dirname(exact), { recursive: true });
			fs.copyFileSync(picked, exact);
			written.push(exact);
		}
	}
	return written;
}

module.exports = { SCHEMA_FOLDER, versionFolder, schemaFor, fillVersionFolders };

// @ts-check
'use strict';
/**
 * The output schemas n8n's editor shows before a node runs. It asks for the schema of the node's
 * exact version (`/schemas/<node type>/<major.minor.patch>/<resource>/<operation>.json`), and n8n
 * answers that route from `__schema__/v<major.minor.patch>/` beside the node's file, with no
 * fallback to another version's folder. A node keeps a schema in a version's folder only where
 * that version's output differs from the version before; at build time, each version gets a copy
 * of every schema it has none of, from the nearest version before it that has one.
 */
const fs = require('node:fs');
const path = require('node:path');

const SCHEMA_FOLDER = '__schema__';

/** 1.1 → "v1.1.0", as n8n names version folders. @param {number} version */
function versionFolder(version) {
	return `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
}

/** "v1.1.0" → [1, 1, 0]. @param {string} folder */
const versionParts = (folder) => folder.slice(1).split('.').map(Number);

/** @param {number[]} a @param {number[]} b */
function compareVersions(a, b) {
	for (let i = 0; i < Math.max(a.length, b.length); i++)
		if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
	return 0;
}

/** The node's version folders, oldest first. @param {string} nodeDir the folder of the node's file */
function versionFolders(nodeDir) {
	const schemaDir = path.join(nodeDir, SCHEMA_FOLDER);
	if (!fs.existsSync(schemaDir)) return [];
	return fs
		.readdirSync(schemaDir)
		.filter((name) => /^v\d+\.\d+\.\d+$/.test(name))
		.sort((a, b) => compareVersions(versionParts(a), versionParts(b)));
}

/**
 * The schema file of one version, resource and operation of the node in `nodeDir`: its own, else
 * that of the nearest version before it that has one; undefined when there is none.
 * @param {string} nodeDir @param {number} version @param {string} resource @param {string} operation
 * @returns {string | undefined}
 */
function schemaFor(nodeDir, version, resource, operation) {
	const target = versionParts(versionFolder(version));
	return versionFolders(nodeDir)
		.filter((folder) => compareVersions(versionParts(folder), target) <= 0)
		.reverse()
		.map((folder) => path.join(nodeDir, SCHEMA_FOLDER, folder, resource, `${operation}.json`))
		.find((file) => fs.existsSync(file));
}

/**
 * Gives each of the node's versions a folder of its own (see above): a copy of each schema it has
 * none of, from the nearest version before it. Returns the files written.
 * @param {string} nodeDir the folder of the node's built file @param {number[]} versions
 * @returns {string[]}
 */
function fillVersionFolders(nodeDir, versions) {
	const files = new Set(
		versionFolders(nodeDir).flatMap((folder) =>
			fs
				.readdirSync(path.join(nodeDir, SCHEMA_FOLDER, folder))
				.flatMap((resource) =>
					fs
						.readdirSync(path.join(nodeDir, SCHEMA_FOLDER, folder, resource))
						.map((file) => [resource, file.replace(/\.json$/, '')].join('/')),
				),
		),
	);
	const written = [];
	for (const version of [...versions].sort((a, b) => a - b)) {
		for (const file of files) {
			const [resource, operation] = file.split('/');
			const exact = path.join(
				nodeDir,
				SCHEMA_FOLDER,
				versionFolder(version),
				resource,
				`${operation}.json`,
			);
			const source = schemaFor(nodeDir, version, resource, operation);
			if (source === undefined || source === exact) continue;
			fs.mkdirSync(path.dirname(exact), { recursive: true });
			fs.copyFileSync(source, exact);
			written.push(exact);
		}
	}
	return written;
}

module.exports = { SCHEMA_FOLDER, versionFolder, schemaFor, fillVersionFolders };

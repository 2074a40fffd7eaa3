#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * The step of `npm run build` after `n8n-node build`, for the two things n8n's build does not do.
 * `n8n-node build` compiles the TypeScript (tsconfig.json: with each node's codex file,
 * <Node>.node.json) and copies every PNG and SVG in the repository and each `__schema__` folder
 * into dist/. This script then:
 * - removes from dist/ what is not the package: the copies of images outside the folders that
 *   package.json's `n8n` section points into (docs/screenshots/ would otherwise be published);
 * - gives each version of each node its own output schema folder (scripts/lib/outputSchemas.js):
 *   n8n's editor asks for a node's exact version, and a version keeps schemas of its own only
 *   where its output differs from the version before.
 */
const fs = require('node:fs');
const path = require('node:path');
const { fillVersionFolders } = require('./lib/outputSchemas');

const root = path.resolve(__dirname, '..');
const { n8n } = require(path.join(root, 'package.json'));
const dist = path.join(root, 'dist');

/** @type {string[]} */
const entries = [...n8n.nodes, ...n8n.credentials];
const kept = new Set(entries.map((file) => path.relative('dist', file).split(path.sep)[0]));
const removed = fs.readdirSync(dist).filter((entry) => !kept.has(entry));
for (const entry of removed) fs.rmSync(path.join(dist, entry), { recursive: true, force: true });

let schemas = 0;
for (const nodeFile of n8n.nodes) {
	const [NodeClass] = Object.values(require(path.join(root, nodeFile)));
	const versions = [].concat(new NodeClass().description.version);
	schemas += fillVersionFolders(path.dirname(path.join(root, nodeFile)), versions).length;
}

console.log(
	`finish-build: ${schemas} output schemas copied into the node versions that have none of their own` +
		(removed.length > 0
			? `; removed from dist/: ${removed.join(', ')} (not part of the package)`
			: ''),
);

const path = require('path');
const { task, src, dest } = require('gulp');
const { fillVersionFolders } = require('./scripts/lib/outputSchemas');
const { n8n } = require('./package.json');

// tsc emits only JavaScript; n8n also needs beside each node its SVG icon and its codex file
// (<Node>.node.json: categories, search aliases, documentation links), and each credential's icon.
task('build:icons', copyIcons);
// And beside each node its output schemas (__schema__), one folder per node version.
task('build:schemas', copyOutputSchemas);

function copyIcons() {
	const nodeIcons = src(path.resolve('nodes', '**', '*.{png,svg,node.json}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'nodes')),
	);
	const credentialIcons = src(path.resolve('credentials', '**', '*.{png,svg}'), {
		encoding: false,
	}).pipe(dest(path.resolve('dist', 'credentials')));
	return Promise.all([streamDone(nodeIcons), streamDone(credentialIcons)]);
}

/** Copies the schemas, then gives each version of each node its own folder (see scripts/lib/outputSchemas.js). Needs the built nodes. */
async function copyOutputSchemas() {
	await streamDone(src(path.resolve('nodes', '**', '__schema__', '**', '*.json')).pipe(dest(path.resolve('dist', 'nodes'))));
	for (const nodeFile of n8n.nodes) {
		const [NodeClass] = Object.values(require(path.resolve(nodeFile)));
		const versions = [].concat(new NodeClass().description.version);
		fillVersionFolders(path.dirname(path.resolve(nodeFile)), versions);
	}
}

function streamDone(stream) {
	return new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
}

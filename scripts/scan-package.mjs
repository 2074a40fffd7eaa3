#!/usr/bin/env node
// `npm run scan`: n8n's own community package scanner, offline, on exactly what `npm publish`
// would publish from the last build: `npm pack`, unpacked into a temporary folder, then the
// scanner's analyzePackage step (its CLI would download the package from the registry instead).
// Exits non-zero and prints the scanner's findings when the package does not pass.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { analyzePackage } = await import(
	path.join(projectRoot, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs')
);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'group-provisioning-scan-'));
try {
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: projectRoot,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	const unpacked = path.join(work, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', unpacked, '--strip-components=1']);
	const published = execFileSync('find', [unpacked, '-type', 'f'], { encoding: 'utf8' })
		.trim()
		.split('\n').length;
	const result = await analyzePackage(unpacked);
	if (result.passed) {
		console.log(`n8n's package scanner: ${tarball} passes (${published} files checked)`);
	} else {
		console.error(`n8n's package scanner: ${tarball} does not pass: ${result.message}`);
		console.error(
			String(result.details ?? '')
				.split(`${unpacked}/`)
				.join(''),
		);
		process.exitCode = 1;
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

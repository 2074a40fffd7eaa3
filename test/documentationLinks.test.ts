import { readFileSync } from 'node:fs';
import path from 'node:path';

import { NetwrixGroupIdApi } from '../credentials/NetwrixGroupIdApi.credentials';
import { UiPathIdentityApi } from '../credentials/UiPathIdentityApi.credentials';

/*
 * Where n8n sends a user for help: the credentials' documentation links and the nodes' codex
 * links lead to the package's own README on npm, at a section that exists; a published package
 * names its repository and where to report issues.
 */

const root = path.join(__dirname, '..');
const PACKAGE_PAGE = 'https://www.npmjs.com/package/n8n-nodes-group-provisioning';

/** The anchors of the README's headings, as npm's page (like GitHub's) makes them. */
function readmeAnchors(): Set<string> {
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const headings = readme.split('\n').filter((line) => /^#{1,6} /.test(line));
	return new Set(
		headings.map((line) =>
			line
				.replace(/^#+ /, '')
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		),
	);
}

function codexLinks(node: string): { credential: string[]; primary: string[] } {
	const codex = JSON.parse(
		readFileSync(path.join(root, 'nodes', node, `${node}.node.json`), 'utf8'),
	) as {
		resources: {
			credentialDocumentation: Array<{ url: string }>;
			primaryDocumentation: Array<{ url: string }>;
		};
	};
	return {
		credential: codex.resources.credentialDocumentation.map((link) => link.url),
		primary: codex.resources.primaryDocumentation.map((link) => link.url),
	};
}

describe('documentation links', () => {
	const anchors = readmeAnchors();
	const cases: Array<[string, string, string]> = [
		[
			'Netwrix GroupID API credential',
			new NetwrixGroupIdApi().documentationUrl,
			'netwrix-groupid-api',
		],
		[
			'UiPath Identity API credential',
			new UiPathIdentityApi().documentationUrl,
			'uipath-identity-api',
		],
		[
			'Netwrix GroupID credential, from the node',
			codexLinks('NetwrixGroupId').credential[0],
			'netwrix-groupid-api',
		],
		[
			'UiPath Identity credential, from the node',
			codexLinks('UiPathIdentity').credential[0],
			'uipath-identity-api',
		],
		['Netwrix GroupID node', codexLinks('NetwrixGroupId').primary[0], 'netwrix-groupid'],
		['UiPath Identity node', codexLinks('UiPathIdentity').primary[0], 'uipath-identity'],
		[
			'Netwrix GroupID credential, from the trigger',
			codexLinks('NetwrixGroupIdTrigger').credential[0],
			'netwrix-groupid-api',
		],
		[
			'UiPath Identity credential, from the trigger',
			codexLinks('UiPathIdentityTrigger').credential[0],
			'uipath-identity-api',
		],
		['Netwrix GroupID Trigger', codexLinks('NetwrixGroupIdTrigger').primary[0], 'triggers'],
		['UiPath Identity Trigger', codexLinks('UiPathIdentityTrigger').primary[0], 'triggers'],
	];

	test.each(cases)("%s: the package's own README section", (_what, url, anchor) => {
		expect(url).toBe(`${PACKAGE_PAGE}#${anchor}`);
		expect(anchors).toContain(anchor);
	});

	test('the publishing workflow names the repository and its issues before it publishes, with provenance', () => {
		const workflow = readFileSync(path.join(root, '.github', 'workflows', 'publish.yml'), 'utf8');
		const setsLinks = workflow.search(
			/npm pkg set repository\.type=git\s+"repository\.url=git\+https:\/\/github\.com\/\$\{GITHUB_REPOSITORY\}\.git"\s+"bugs\.url=https:\/\/github\.com\/\$\{GITHUB_REPOSITORY\}\/issues"/,
		);
		// `npm run release` is n8n-node release, which in GitHub Actions lints, builds and runs
		// `npm publish` with provenance; package.json's publishConfig asks for provenance (and public
		// access, which npm needs for provenance on a package's first publication) whoever publishes.
		const publishes = workflow.search(/^\s+npm run release$/m);
		const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			scripts: Record<string, string>;
			publishConfig: Record<string, unknown>;
		};
		expect(setsLinks).toBeGreaterThan(-1);
		expect(publishes).toBeGreaterThan(setsLinks);
		expect(workflow).toMatch(/^\s+id-token: write/m);
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
	});
});

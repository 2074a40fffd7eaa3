// @ts-check
'use strict';
/**
 * n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED, n8n 2.41 on) refuses private and internal
 * addresses, where on-premises GroupID servers and Automation Suites live. In the real n8n: each
 * node's error says what happened and names the settings that allow the server, nothing reaches
 * the server, and with the server's address allowed the same workflow runs.
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { sandboxCredentials } = require('../../scripts/lib/sandboxSetup');
const { provisioningWorkflow } = require('./workflows');

const PROTECTED = { N8N_SSRF_PROTECTION_ENABLED: 'true' };
const workflows = [
	provisioningWorkflow({ id: 'gpSsrfGroupId', service: 'groupid', names: ['Ssrf-GroupId'] }),
	provisioningWorkflow({ id: 'gpSsrfUiPath', service: 'uipath', names: ['Ssrf-UiPath'] }),
];

describe("n8n's SSRF protection, in the real n8n", () => {
	/** @type {any} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		await n8n.importWorkflows(runtime, home, workflows);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	test.each([
		['gpSsrfGroupId', 'GroupID'],
		['gpSsrfUiPath', 'UiPath Identity'],
	])(
		'%s: a blocked address is named with the settings that allow it; nothing reaches the server',
		async (workflowId, service) => {
			sandbox.reset();
			const blocked = await n8n.executeWorkflow(runtime, home, workflowId, PROTECTED);
			expect(blocked.succeeded).toBe(false);
			const error = blocked.execution.data.resultData.error;
			expect(error.message).toBe(
				`n8n's SSRF protection blocked the request to the ${service} server at ${sandbox.url}${service === 'GroupID' ? '/GroupIDSecurityService/connect/token' : '/identity_/connect/token'}`,
			);
			expect(error.description).toContain(
				'N8N_SSRF_ALLOWED_HOSTNAMES=127.0.0.1 or N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.1/32',
			);
			expect(sandbox.requests).toHaveLength(0);

			const allowed = await n8n.executeWorkflow(runtime, home, workflowId, {
				...PROTECTED,
				N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32',
			});
			expect(allowed.errorMessage).toBeUndefined();
			expect(allowed.succeeded).toBe(true);
			expect(sandbox.requests.length).toBeGreaterThan(0);
		},
	);
});

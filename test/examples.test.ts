import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import groupIdSeedParameters from './fixtures/groupid-create-smart-group.parameters.json';
import uiPathSeedParameters from './fixtures/uipath-create-local-group.parameters.json';

const examplesDir = path.join(__dirname, '..', 'examples');
const readExample = (file: string) => JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8'));

describe('the example workflows', () => {
	test.each([
		['create-smart-group.workflow.json', 'Create Smart Group', groupIdSeedParameters],
		['create-local-group.workflow.json', 'Create Local Group', uiPathSeedParameters],
	])("%s sets exactly the parameters that produce the documented sample (the test fixture's)", (file, nodeName, parameters) => {
		const node = readExample(file).nodes.find((n: { name: string }) => n.name === nodeName);
		expect(node.parameters).toStrictEqual(parameters);
	});

	test('every example is an importable workflow with a fixed id, using only the sandbox credentials', () => {
		const files = readdirSync(examplesDir).filter((file) => file.endsWith('.workflow.json'));
		expect(files.length).toBeGreaterThanOrEqual(2);
		const ids = files.map((file) => readExample(file).id);
		expect(new Set(ids).size).toBe(files.length);
		for (const file of files) {
			const workflow = readExample(file);
			expect(workflow.id).toMatch(/^[A-Za-z0-9]+$/);
			for (const node of workflow.nodes) {
				for (const credential of Object.values(node.credentials ?? {}) as Array<{ id: string }>) {
					expect(['gpSandboxGroupId', 'gpSandboxUiPathI']).toContain(credential.id);
				}
			}
		}
	});
});

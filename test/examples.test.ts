import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import groupIdSeedParameters from './fixtures/groupid-create-smart-group.parameters.json';
import uiPathSeedParameters from './fixtures/uipath-create-local-group.parameters.json';

const examplesDir = path.join(__dirname, '..', 'examples');
const readExample = (file: string) =>
	JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8'));
const exampleFiles = () =>
	readdirSync(examplesDir).filter((file) => file.endsWith('.workflow.json'));

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string }>;
}
const STICKY_NOTE = 'n8n-nodes-base.stickyNote';
const isStickyNote = (node: WorkflowNode) => node.type === STICKY_NOTE;

/** Where a node or sticky note lies on the canvas: x, y, right and bottom edges. */
type Box = [number, number, number, number];
/** A node is 100 by 100 from its position; its name and subtitle go below it and can be wider. */
const nodeBox = ({ position: [x, y] }: WorkflowNode): Box => [x - 40, y, x + 140, y + 160];
const stickyBox = ({ position: [x, y], parameters }: WorkflowNode): Box => [
	x,
	y,
	x + Number(parameters.width),
	y + Number(parameters.height),
];
const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe('the example workflows', () => {
	test.each([
		['create-smart-group.workflow.json', 'Create Smart Group', groupIdSeedParameters],
		['create-local-group.workflow.json', 'Create Local Group', uiPathSeedParameters],
	])(
		"%s sets exactly the parameters that produce the documented sample (the test fixture's)",
		(file, nodeName, parameters) => {
			const node = readExample(file).nodes.find((n: { name: string }) => n.name === nodeName);
			expect(node.parameters).toStrictEqual(parameters);
		},
	);

	test('every example is an importable workflow with a fixed id, using only the sandbox credentials', () => {
		const files = exampleFiles();
		expect(files.length).toBeGreaterThanOrEqual(2);
		const ids = files.map((file) => readExample(file).id);
		expect(new Set(ids).size).toBe(files.length);
		for (const file of files) {
			const workflow = readExample(file);
			expect(workflow.id).toMatch(/^[A-Za-z0-9]+$/);
			for (const node of workflow.nodes) {
				for (const credential of Object.values(node.credentials ?? {}) as Array<{ id: string }>) {
					expect(['gpSandboxGroupId', 'gpSandboxUiPathI', 'gpSandboxEntraId']).toContain(
						credential.id,
					);
				}
			}
		}
	});

	test.each(exampleFiles())('%s has sticky notes as n8n saves them, with no connection', (file) => {
		const workflow = readExample(file);
		const nodes: WorkflowNode[] = workflow.nodes;
		expect(new Set(nodes.map((node) => node.name)).size).toBe(nodes.length);
		const notes = nodes.filter(isStickyNote);
		expect(notes.length).toBeGreaterThanOrEqual(2);
		for (const note of notes) {
			expect(note.typeVersion).toBe(1);
			expect(note.credentials).toBeUndefined();
			expect(Object.keys(note.parameters).sort()).toEqual(['color', 'content', 'height', 'width']);
			expect(note.parameters).toEqual({
				content: expect.stringMatching(/\S/),
				height: expect.any(Number),
				width: expect.any(Number),
				color: expect.any(Number),
			});
		}
		const connected = Object.entries(
			workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>,
		).flatMap(([source, { main }]) => [source, ...main.flat().map((target) => target.node)]);
		for (const note of notes) expect(connected).not.toContain(note.name);
	});

	test.each(exampleFiles())(
		'%s has one overview note: what it shows, the credential, what to press, what to look at',
		(file) => {
			const notes: WorkflowNode[] = readExample(file).nodes.filter(isStickyNote);
			const overviews = notes.filter((note) => String(note.parameters.content).startsWith('## '));
			expect(overviews).toHaveLength(1);
			const content = String(overviews[0].parameters.content);
			expect(content).toMatch(
				/\*\*Credential:\*\* \*(Netwrix GroupID|Netwrix GroupID Entra ID|UiPath Identity) \(local sandbox\)\*, which `npm start` creates/,
			);
			expect(content).toContain('**Run:** press **Execute workflow**');
			expect(content).toContain('**Look at:**');
		},
	);

	test.each(exampleFiles())(
		'%s: no sticky note covers a node or another note on the canvas',
		(file) => {
			const nodes: WorkflowNode[] = readExample(file).nodes;
			const notes = nodes.filter(isStickyNote);
			for (const note of notes) {
				for (const node of nodes.filter((other) => !isStickyNote(other))) {
					expect({
						note: note.name,
						node: node.name,
						overlap: overlap(stickyBox(note), nodeBox(node)),
					}).toEqual({
						note: note.name,
						node: node.name,
						overlap: false,
					});
				}
				for (const other of notes.filter((other) => other !== note)) {
					expect({
						note: note.name,
						other: other.name,
						overlap: overlap(stickyBox(note), stickyBox(other)),
					}).toEqual({
						note: note.name,
						other: other.name,
						overlap: false,
					});
				}
			}
		},
	);
});

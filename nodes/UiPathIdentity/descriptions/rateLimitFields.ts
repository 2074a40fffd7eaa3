import type { INodeProperties } from 'n8n-workflow';

import { AUTOMATION_CLOUD_LIMITS } from '../transport/rateLimits';

/** UiPath's own entries of the node's Options: the request budget that keeps a run inside the organization's rate limits. */

const cloud = AUTOMATION_CLOUD_LIMITS.perMethod;

const perWindow = (method: string, documented: number): INodeProperties => ({
	displayName: `${method} Requests per Window`,
	name: `${method.toLowerCase()}PerWindow`,
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: documented,
	description: `The most ${method} requests the organization allows in any window (Automation Cloud: ${documented.toLocaleString('en-US')} per 5 minutes)`,
});

export const rateLimitOptionFields: INodeProperties[] = [
	{
		displayName: 'Rate Limits',
		name: 'rateLimits',
		type: 'options',
		default: 'auto',
		description:
			"Which limits the node paces its requests to, waiting before a request whose method's rolling window is full. Shared by every execution in this n8n process that sends to the same organization.",
		options: [
			{
				name: 'Automatic',
				value: 'auto',
				description:
					"Automation Cloud's documented limits when the credential's Base URL is on cloud.uipath.com; none otherwise (Automation Suite, Public Sector, Dedicated)",
			},
			{
				name: "Automation Cloud's",
				value: 'automationCloud',
				description:
					'Per organization and 5 minutes: GET 300, POST 24,000, PUT 160, PATCH 160, DELETE 160',
			},
			{
				name: 'Custom',
				value: 'custom',
				description:
					'The numbers under Custom Rate Limits, e.g. an Automation Suite that has limits of its own',
			},
			{
				name: 'None',
				value: 'none',
				description:
					'Send as Max Concurrent Requests allows; a 429 is still waited out (Max Rate Limit Wait)',
			},
		],
	},
	{
		displayName: 'Custom Rate Limits',
		name: 'customRateLimits',
		type: 'fixedCollection',
		placeholder: 'Add Limits',
		default: {},
		description:
			"The organization's limits when Rate Limits is Custom; each defaults to Automation Cloud's",
		options: [
			{
				displayName: 'Limits',
				name: 'limits',
				values: [
					perWindow('GET', cloud.GET!),
					perWindow('POST', cloud.POST!),
					perWindow('PUT', cloud.PUT!),
					perWindow('PATCH', cloud.PATCH!),
					perWindow('DELETE', cloud.DELETE!),
					{
						displayName: 'Window (Seconds)',
						name: 'windowSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 300,
						description:
							'The length of the rolling window the numbers above count in (Automation Cloud: 300, 5 minutes)',
					},
				],
			},
		],
	},
	{
		displayName: 'Processes Sharing the Organization',
		name: 'sharingProcesses',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description:
			'How many n8n processes send to this organization at the same time (in queue mode, the workers running this workflow, plus any other n8n). Each keeps to its share: the limits divided by this number.',
	},
];

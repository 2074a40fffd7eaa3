import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { UiPathDeployment } from '../../shared/auth/uiPathToken';
import {
	BUDGETED_METHODS,
	type BudgetSettings,
	type RateLimits,
} from '../../shared/transport/rateBudget';

/**
 * Which request budget a UiPath run draws on (see rateBudget): UiPath's documented "API rate
 * limits for Identity Server", for Automation Cloud only (not Public Sector or Dedicated), per
 * organization and rolling 5-minute window.
 */
export const AUTOMATION_CLOUD_LIMITS: RateLimits = {
	windowMs: 5 * 60_000,
	perMethod: { GET: 300, POST: 24_000, PUT: 160, PATCH: 160, DELETE: 160 },
};

type RateLimitsChoice = 'auto' | 'automationCloud' | 'custom' | 'none';

/**
 * The organization a Base URL names: its host and first path segment (the organization's name,
 * in Automation Cloud's https://cloud.uipath.com/{organizationName}/ and Automation Suite's
 * https://{yourDomain}/{organizationName}/{tenantName}/). Known before anything is sent, and the
 * same for every tenant of the organization, which share its limits.
 */
export function organizationKey(baseUrl: string): string {
	const url = new URL(baseUrl);
	const organization = url.pathname.split('/').find((segment) => segment !== '') ?? '';
	return `${url.host}/${organization}`.toLowerCase();
}

/**
 * The budget of a picker in the editor: Automation Cloud's limits for an Automation Cloud
 * deployment (the credential's Deployment, or cloud.uipath.com when it is detected), none elsewhere.
 */
export function automaticBudget(baseUrl: string, deployment: UiPathDeployment): BudgetSettings {
	return budgetOf('auto', baseUrl, deployment, 1);
}

/** Reads UiPath's rate-limit options once per run; a bad value stops the run before anything is sent. */
export function readRateLimitOptions(
	context: IExecuteFunctions,
	baseUrl: string,
	deployment: UiPathDeployment,
): BudgetSettings {
	const options = context.getNodeParameter('options', 0, {}) as {
		rateLimits?: unknown;
		customRateLimits?: { limits?: Record<string, unknown> };
		sharingProcesses?: unknown;
	};
	const choice = (options.rateLimits ?? 'auto') as RateLimitsChoice;
	if (!['auto', 'automationCloud', 'custom', 'none'].includes(choice)) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Rate Limits": "${String(options.rateLimits)}" is not one of its choices`,
		);
	}
	const custom = options.customRateLimits?.limits;
	if (custom !== undefined && choice !== 'custom') {
		throw new NodeOperationError(
			context.getNode(),
			'Invalid "Custom Rate Limits": they are set, but "Rate Limits" is not Custom',
			{
				description:
					'Set Rate Limits to Custom to pace requests to them, or remove Custom Rate Limits.',
			},
		);
	}
	const sharingProcesses = Number(options.sharingProcesses ?? 1);
	if (!Number.isInteger(sharingProcesses) || sharingProcesses < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Processes Sharing the Organization": must be a whole number of 1 or more, not "${String(options.sharingProcesses)}"`,
		);
	}
	return budgetOf(
		choice,
		baseUrl,
		deployment,
		sharingProcesses,
		choice === 'custom' ? customLimits(context, custom ?? {}) : undefined,
	);
}

/**
 * Without limits of its own (None, or Automatic off Automation Cloud), a budget still holds
 * requests while the server asks for a pause (RateLimit-Remaining: 0), for at most 5 minutes.
 */
const NO_LIMITS: RateLimits = { windowMs: AUTOMATION_CLOUD_LIMITS.windowMs, perMethod: {} };

function budgetOf(
	choice: RateLimitsChoice,
	baseUrl: string,
	deployment: UiPathDeployment,
	sharedBy: number,
	custom?: RateLimits,
): BudgetSettings {
	const onCloud = deployment === 'automationCloud';
	const key = organizationKey(baseUrl);
	if (choice === 'none' || (choice === 'auto' && !onCloud))
		return { key, limits: NO_LIMITS, sharedBy, source: 'no limits of its own' };
	const limits = custom ?? AUTOMATION_CLOUD_LIMITS;
	const source = custom ? 'Custom Rate Limits' : "Automation Cloud's documented limits";
	return { key, limits, sharedBy, source };
}

function customLimits(context: IExecuteFunctions, values: Record<string, unknown>): RateLimits {
	const perMethod: RateLimits['perMethod'] = {};
	for (const method of BUDGETED_METHODS) {
		const field = `${method.toLowerCase()}PerWindow`;
		const value = Number(values[field] ?? AUTOMATION_CLOUD_LIMITS.perMethod[method]);
		if (!Number.isInteger(value) || value < 1) {
			throw new NodeOperationError(
				context.getNode(),
				`Invalid "Custom Rate Limits": ${method} Requests per Window must be a whole number of 1 or more, not "${String(values[field])}"`,
			);
		}
		perMethod[method] = value;
	}
	const windowSeconds = Number(values.windowSeconds ?? AUTOMATION_CLOUD_LIMITS.windowMs / 1000);
	if (!Number.isFinite(windowSeconds) || windowSeconds <= 0) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Custom Rate Limits": Window (Seconds) must be a number of seconds above 0, not "${String(values.windowSeconds)}"`,
		);
	}
	return { windowMs: windowSeconds * 1000, perMethod };
}

import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { checkBaseUrl, type BaseUrlCheck } from '../baseUrl';
import type { FailureText } from '../transport/httpFailure';
import { ownSessionToken } from './bearerToken';
import { describeTokenFailure, requestOAuthToken, type TokenEndpointWords } from './oauthToken';
import type { IssuedToken } from './sharedToken';
import { TokenRequestError } from './TokenRequestError';

/**
 * Reading and writing groups, and finding users by email or username (Directory Search, whose
 * documented scope is PM.Directory).
 */
export const DEFAULT_SCOPES = 'PM.Group.Read PM.Group.Write PM.Directory';

/**
 * The UiPath deployments, and where each one's Identity Server answers under the Base URL:
 * Automation Cloud and Automation Suite at `identity_`, a standalone Orchestrator at `identity`
 * (its API guides: `https://{yourDomain}/identity/api/...`).
 */
export type UiPathDeployment = 'automationCloud' | 'automationSuite' | 'standalone';

/** The credential's Deployment choices; 'auto' (Detect from Base URL) is the default of saved credentials. */
export const DEPLOYMENT_CHOICES = [
	'auto',
	'automationCloud',
	'automationSuite',
	'standalone',
] as const;

/** Automation Cloud's host: what Detect from Base URL reads as Automation Cloud; any other host as Automation Suite. */
export const AUTOMATION_CLOUD_HOST = 'cloud.uipath.com';

/** The Identity Server's path segment of a deployment. */
export function identitySegment(deployment: UiPathDeployment): 'identity_' | 'identity' {
	return deployment === 'standalone' ? 'identity' : 'identity_';
}

/**
 * The deployment a credential names, or (Detect from Base URL, and a credential saved before the
 * field existed) the one its base URL's host says: cloud.uipath.com is Automation Cloud, any other
 * host an Automation Suite (Identity Server at `identity_`, as before the field existed).
 */
export function uiPathDeployment(
	credentials: ICredentialDataDecryptedObject,
	baseUrl: string,
): UiPathDeployment {
	const choice = credentials.deployment ?? 'auto';
	if (!(DEPLOYMENT_CHOICES as readonly unknown[]).includes(choice)) {
		throw new TokenRequestError({
			message: `The UiPath Identity credential's Deployment "${String(choice)}" is not one of ${DEPLOYMENT_CHOICES.join(', ')}`,
		});
	}
	if (choice !== 'auto') return choice as UiPathDeployment;
	return new URL(baseUrl).hostname.toLowerCase() === AUTOMATION_CLOUD_HOST
		? 'automationCloud'
		: 'automationSuite';
}

/**
 * Checks a UiPath base URL: a URL (see checkBaseUrl) that stops before Identity Server's own
 * segment (`identity_`, or a standalone Orchestrator's `identity`), which the node adds itself.
 * Gives it back without trailing slashes, or says what is wrong, naming the part to remove.
 */
export function checkUiPathBaseUrl(value: unknown, deployment?: UiPathDeployment): BaseUrlCheck {
	const checked = checkBaseUrl(value, { allowPath: true });
	if (checked.problem !== undefined) return checked;
	const url = new URL(checked.url);
	const segments = url.pathname.split('/');
	const own = deployment === 'standalone' ? ['identity_', 'identity'] : ['identity_'];
	const at = segments.findIndex((segment) => own.includes(segment.toLowerCase()));
	if (at === -1) return checked;
	const extra = segments.slice(at).join('/');
	const kept = `${url.protocol}//${url.host}${segments.slice(0, at).join('/')}/`;
	return {
		problem: `must stop before ${segments[at].toLowerCase()}: remove "${extra}" (the node adds it), so that it reads ${kept}`,
	};
}

/** The credential's base URL, checked, without trailing slashes, and the deployment it is of. */
export function uiPathEndpoint(credentials: ICredentialDataDecryptedObject): {
	baseUrl: string;
	deployment: UiPathDeployment;
} {
	const first = checkUiPathBaseUrl(credentials.baseUrl);
	if (first.problem !== undefined) {
		throw new TokenRequestError({
			message: `The UiPath Identity credential's Base URL ${first.problem}`,
		});
	}
	const deployment = uiPathDeployment(credentials, first.url as string);
	const { url, problem } = checkUiPathBaseUrl(credentials.baseUrl, deployment);
	if (problem !== undefined) {
		throw new TokenRequestError({
			message: `The UiPath Identity credential's Base URL ${problem}`,
		});
	}
	return { baseUrl: url as string, deployment };
}

/** The credential's base URL, checked, without trailing slashes. */
export function uiPathBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return uiPathEndpoint(credentials).baseUrl;
}

/**
 * The token endpoint: the credential's override, or the Identity Server of the base URL's host,
 * at the deployment's segment (`{host}/identity_/connect/token`; standalone: `{host}/identity/connect/token`).
 */
export function uiPathTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = typeof credentials.tokenUrl === 'string' ? credentials.tokenUrl.trim() : '';
	if (override !== '') {
		const { url, problem } = checkBaseUrl(override, { allowPath: true });
		if (problem !== undefined) {
			throw new TokenRequestError({
				message: `The UiPath Identity credential's Token URL ${problem}`,
			});
		}
		return url as string;
	}
	const { baseUrl, deployment } = uiPathEndpoint(credentials);
	return `${new URL(baseUrl).origin}/${identitySegment(deployment)}/connect/token`;
}

/**
 * The token the credential holds: the pasted one, or the one fetched with the client credentials
 * if it was fetched for them as they are now (see ownSessionToken); '' when there is none.
 */
export function uiPathHeldToken(credentials: ICredentialDataDecryptedObject): string {
	return credentials.authentication === 'accessToken'
		? String(credentials.accessToken ?? '')
		: ownSessionToken(credentials);
}

const UIPATH_TOKEN_WORDS: TokenEndpointWords = {
	service: 'UiPath Identity',
	oauthErrors: {
		invalid_client:
			"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong",
		invalid_scope:
			"UiPath refused the credential's scopes: the external application must have each of them as an application scope",
		unauthorized_client: 'The external application may not use the client credentials grant',
		unsupported_grant_type:
			'UiPath does not accept the client credentials grant for this application',
		invalid_request: 'UiPath refused the token request as malformed',
	},
	notFoundAdvice: "Check the credential's Base URL, or set its Token URL.",
};

/** Client credentials grant against UiPath's Identity Server. */
export async function requestUiPathToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<IssuedToken> {
	const scopes = String(credentials.scopes ?? '')
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.join(' ');
	return await requestOAuthToken(helpers, UIPATH_TOKEN_WORDS, {
		url: uiPathTokenUrl(credentials),
		form: {
			grant_type: 'client_credentials',
			client_id: String(credentials.clientId ?? ''),
			client_secret: String(credentials.clientSecret ?? ''),
			scope: scopes || DEFAULT_SCOPES,
		},
		ignoreSslIssues: credentials.ignoreSslIssues === true,
	});
}

export function describeUiPathTokenFailure(url: string, error: unknown): FailureText {
	return describeTokenFailure(UIPATH_TOKEN_WORDS, url, error);
}

/**
 * Stands for the organization the access token names (its prt_id claim) where it is needed before
 * there is a token: in the credential test's URL, and in a run's items, until the token is fetched.
 */
export const ORGANIZATION_FROM_TOKEN = '{organization-from-token}';

/** The organization ID (`prt_id` claim) inside a UiPath access token, if it is a JWT that has one. */
export function organizationIdFromToken(token: string): string | undefined {
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
			prt_id?: unknown;
		};
		return typeof claims.prt_id === 'string' && claims.prt_id !== '' ? claims.prt_id : undefined;
	} catch {
		return undefined;
	}
}

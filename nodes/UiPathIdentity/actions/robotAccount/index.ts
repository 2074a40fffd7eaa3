import type { Resource } from '../../../shared/operation';
import type { UiPathConnection } from '../../transport';
import { createRobotAccount } from './create.operation';
import { deleteRobotAccount } from './delete.operation';
import { getRobotAccount } from './get.operation';
import { getManyRobotAccounts } from './getMany.operation';
import { updateRobotGroupMemberships } from './updateGroupMemberships.operation';

export const robotAccount: Resource<UiPathConnection> = {
	value: 'robotAccount',
	name: 'Robot Account',
	operations: [
		getManyRobotAccounts,
		createRobotAccount,
		deleteRobotAccount,
		getRobotAccount,
		updateRobotGroupMemberships,
	],
};

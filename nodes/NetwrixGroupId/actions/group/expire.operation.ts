import { lifecycleOperation } from './lifecycle';

export const expireGroup = lifecycleOperation('expire', {
	name: 'Expire',
	description: 'Expire a group now, through GroupID',
});

import { allow, definePolicies, userRule } from '../../app/authz/policy.js';

/** Anyone signed in chooses what they hear from each group, for their own account only (the use cases take their id). */
export const notificationsPolicies = definePolicies('notifications', {
  manageOwn: userRule(() => allow),
});

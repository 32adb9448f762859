/** Job types of the joining workflow (outbox), shared by the use cases that queue them and the module that runs them. */
export const checkSignalsJob = 'applications.check-signals';
export const expireJob = 'applications.expire';

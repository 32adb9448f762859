import { defineError } from '../../app/http/errors.js';
import { normsMessages } from './norms.messages.js';

export const normNotFound = defineError('norms.norm.not-found', 404, (l) => normsMessages(l)('error.norm.notFound'));

/**
 * The data worker's entry: all logic is in handler.ts and requests/ (testable over a
 * MessageChannel in Node). Started by `createDataWorker()` in client.ts.
 */
import { handleMessages } from './handler.ts';
import type { MessagePortLike } from './protocol.ts';

handleMessages(self as unknown as MessagePortLike);

/** How failures cross the boundary: every answer names the file when there is one. */
import { DataError } from '../core/data-error.ts';
import type { SerializedError } from './protocol.ts';

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * An error as it crosses to the main thread. The file comes from the DataError itself (core throws
 * one for every problem in a file), never from parsing the message.
 */
export function serializeError(err: unknown): SerializedError {
  const name = err instanceof Error ? err.name : 'Error';
  const message = errorMessage(err);
  return { message, name, ...(err instanceof DataError ? { file: err.file } : {}) };
}

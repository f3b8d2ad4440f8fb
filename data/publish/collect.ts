/**
 * Problems of a whole publish run, gathered so one report lists every file's problems (not just
 * the first file's), and thrown together at the end: nothing is written while any remains.
 */
import { bilingual, DataError, DataErrorList } from '../../src/core/data-error.ts';

export class PublishError extends Error {
  constructor(readonly errors: readonly DataError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'PublishError';
  }
}

export class Collector {
  readonly errors: DataError[] = [];

  /** Run `fn`; a DataError (or a list of them) is recorded and `undefined` returned. */
  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (error instanceof DataErrorList) {
        this.errors.push(...error.errors);
        const more = error.total - error.errors.length;
        if (more > 0) this.errors.push(new DataError(error.file, bilingual(`… and ${more} more problems in this file`, `此文件还有 ${more} 处问题`)));
      } else if (error instanceof DataError) this.errors.push(error);
      else throw error;
      return undefined;
    }
  }

  add(error: DataError): void {
    this.errors.push(error);
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new PublishError(this.errors);
  }
}

/**
 * What the banner shows: one entry per file (or per URL parameter), replaced when the same file fails
 * again and removed when it next loads, so a recovered file never leaves a stale message behind.
 */
export interface Problem {
  /** A file name (`levels.json`) or a URL parameter (`?date`). */
  key: string;
  message: string;
  at: Date;
}

export class ProblemsState {
  private entries = $state.raw<ReadonlyMap<string, Problem>>(new Map());

  /** Newest first. */
  list = $derived([...this.entries.values()].sort((a, b) => b.at.getTime() - a.at.getTime()));

  report(key: string, message: string): void {
    const next = new Map(this.entries);
    next.set(key, { key, message, at: new Date() });
    this.entries = next;
  }

  /** The file loaded (or the parameter was honoured): its entry, if any, is no longer true. */
  clear(key: string): void {
    if (!this.entries.has(key)) return;
    const next = new Map(this.entries);
    next.delete(key);
    this.entries = next;
  }

  /** Reports a caught error under the file it names (DataError and WorkerError carry `file`). */
  fail(error: unknown, fallbackFile: string): void {
    const file = (error as { file?: unknown }).file;
    const key = typeof file === 'string' && file !== '' ? file : fallbackFile;
    const message = (error as Error).message ?? String(error);
    this.report(key, message.startsWith(key) ? message : `${key}: ${message}`);
  }

  dismiss(): void {
    this.entries = new Map();
  }
}

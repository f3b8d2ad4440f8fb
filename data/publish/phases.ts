/**
 * Wall-clock time per step of one publish run (read, boundaries, indicators, incidents parse and join,
 * index, write, …), for the benchmark and anyone asking where a slow publish spends its time. A
 * `lap` costs one performance.now(); the steps are in run order.
 */
export interface PhaseTime {
  readonly name: string;
  readonly ms: number;
}

export class Phases {
  private readonly times = new Map<string, number>();
  private last = performance.now();

  /** The time since the previous lap (or the start), added to `name`. */
  lap(name: string): void {
    const now = performance.now();
    this.times.set(name, (this.times.get(name) ?? 0) + now - this.last);
    this.last = now;
  }

  list(): PhaseTime[] {
    return [...this.times].map(([name, ms]) => ({ name, ms }));
  }
}

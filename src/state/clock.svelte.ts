/**
 * The app's one clock: `now` (ms) ticks on each whole second from a single timer, so the wall's
 * header clock, the freshness assessment and the nightly reload all read the same time and a page
 * left for weeks runs one timer, not one per component. Tests fake it with Playwright's page.clock.
 */
export class ClockState {
  now = $state(Date.now());

  /** Starts ticking; returns the stop. */
  start(): () => void {
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      this.now = Date.now();
      // Aligned to the next whole second so a clock with seconds never skips one; never under
      // 50 ms, so a frozen (test) clock cannot make it spin.
      let delay = 1000 - (this.now % 1000);
      if (delay < 50) delay += 1000;
      timer = setTimeout(tick, delay);
    };
    tick();
    return () => clearTimeout(timer);
  }
}

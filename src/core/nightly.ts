/**
 * When a long-running screen next reloads itself: the first time the local clock reads `hour`:00
 * strictly after `after` (the page's start), so a page that has just reloaded at that hour waits
 * for the next day instead of reloading again.
 */
export function nextLocalHour(after: number, hour: number): number {
  const at = new Date(after);
  at.setHours(hour, 0, 0, 0);
  if (at.getTime() <= after) at.setDate(at.getDate() + 1);
  return at.getTime();
}

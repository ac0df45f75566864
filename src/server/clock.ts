/** Today's date where the communes are (UTC+7, no daylight saving), as an ISO date. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

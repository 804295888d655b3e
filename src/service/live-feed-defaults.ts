/** Live refresh defaults, apart from the feed so that naming them does not load the feed's code. */

/** Default seconds between checks of a watched entity. */
export const DEFAULT_POLL_INTERVAL_S = 30;

/** The panel's refresh of the open record: every `seconds` while the page is visible (0 = never). */
export interface PollOptions {
  readonly seconds: number;
  readonly visible: () => boolean;
  readonly refresh: () => void;
}

/** Starts polling; returns the function that stops it. */
export function startPolling({ seconds, visible, refresh }: PollOptions): () => void {
  if (!(seconds > 0)) return () => undefined;
  const timer = setInterval(() => {
    if (visible()) refresh();
  }, seconds * 1000);
  return () => clearInterval(timer);
}

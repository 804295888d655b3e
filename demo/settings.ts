/**
 * The demo toolbar's settings (latency, injected errors, offline, signed-in agent), kept in the
 * demo origin's localStorage so a reload keeps them — "go offline, reload" is one of the stories.
 * Demo only: the library itself never touches localStorage.
 */

/** What the toolbar controls. */
export interface DemoSettings {
  /** Delay the mock backend adds to every answer. */
  readonly latencyMs: number;
  /** Fraction (0–1) of requests the mock backend answers with a 500. */
  readonly errorRate: number;
  /** The mock backend fails every request at the network level. */
  readonly offline: boolean;
  /** The signed-in agent (sys_user sys_id): keys the definitions cache. */
  readonly userId: string;
}

/** localStorage key of the settings. */
export const SETTINGS_KEY = 'cam-demo-settings';

/** Settings of a fresh demo: no faults, signed in as the first agent. */
export function defaultSettings(userId: string): DemoSettings {
  return { latencyMs: 0, errorRate: 0, offline: false, userId };
}

/** The saved settings, or the defaults when none (or broken ones) are saved. */
export function loadSettings(fallbackUserId: string): DemoSettings {
  const defaults = defaultSettings(fallbackUserId);
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as Partial<DemoSettings> | null;
    if (!saved || typeof saved !== 'object') return defaults;
    return {
      latencyMs: typeof saved.latencyMs === 'number' ? saved.latencyMs : defaults.latencyMs,
      errorRate: typeof saved.errorRate === 'number' ? saved.errorRate : defaults.errorRate,
      offline: saved.offline === true,
      userId: typeof saved.userId === 'string' && saved.userId !== '' ? saved.userId : defaults.userId,
    };
  } catch {
    return defaults;
  }
}

/** Saves the settings. */
export function saveSettings(settings: DemoSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

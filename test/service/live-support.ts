/**
 * Live-refresh test support: a fake page (hidden / offline at will, a focus signal) with a manual
 * clock whose timers run only when the test advances it, so nothing depends on real time.
 */
import type { LiveEnvironment } from '../../src/service/live-environment.js';

interface Timer {
  readonly at: number;
  readonly run: () => void;
}

export class FakePage implements LiveEnvironment {
  time = 1_000_000;
  isHidden = false;
  isOnline = true;
  /** Jitter source: 0.5 gives the middle of the range (×1). */
  jitter = 0.5;
  readonly #timers = new Map<number, Timer>();
  readonly #listeners = new Set<(reason: 'visibility' | 'online' | 'focus') => void>();
  #next = 1;

  hidden = (): boolean => this.isHidden;
  online = (): boolean => this.isOnline;
  now = (): number => this.time;
  random = (): number => this.jitter;

  watch(listener: (reason: 'visibility' | 'online' | 'focus') => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.time + ms, run: callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Delays (from now) of the armed timers, soonest first. */
  pending(): number[] {
    return [...this.#timers.values()].map((t) => t.at - this.time).sort((a, b) => a - b);
  }

  /** Moves the clock by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.#timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
  }

  hide(): void {
    this.isHidden = true;
    this.#emit('visibility');
  }

  show(): void {
    this.isHidden = false;
    this.#emit('visibility');
  }

  goOffline(): void {
    this.isOnline = false;
    this.#emit('online');
  }

  goOnline(): void {
    this.isOnline = true;
    this.#emit('online');
  }

  focus(): void {
    this.#emit('focus');
  }

  #emit(reason: 'visibility' | 'online' | 'focus'): void {
    for (const listener of [...this.#listeners]) listener(reason);
  }
}

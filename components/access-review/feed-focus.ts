/**
 * Keyboard focus in a virtualised feed of findings. The virtualizer keeps only the findings in view
 * in the DOM: when the one holding focus scrolls out and is removed, focus would fall to the page.
 * `FeedFocus` remembers which finding and which control had focus (`data-finding` on the article,
 * `data-focus` on the control), parks focus on the feed itself while that finding is out of the
 * DOM, and puts it back on the same control when the finding is rendered again. Page Down / Page Up
 * move to the next / previous finding (the ARIA feed pattern), scrolling it in when needed.
 */

interface Remembered {
  /** The finding's id (`data-finding`). */
  readonly finding: string;
  /** Its 0-based position in the feed. */
  readonly index: number;
  /** The control's `data-focus`, or undefined for the article itself. */
  readonly control?: string;
}

export class FeedFocus {
  #remembered: Remembered | undefined;

  /**
   * @param root the shadow root the feed is rendered in.
   * @param idAt the id of the finding at a position (for Page Down into a finding not rendered yet).
   */
  constructor(
    private readonly root: () => ShadowRoot | null,
    private readonly idAt: (index: number) => string | undefined,
  ) {}

  /** Forgets the remembered finding (a new review). */
  reset(): void {
    this.#remembered = undefined;
  }

  readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    const article = target.closest<HTMLElement>('[data-finding]');
    if (!article) return;
    this.#remembered = {
      finding: article.dataset['finding'] ?? '',
      index: Number(article.getAttribute('aria-posinset')) - 1,
      ...(target === article ? {} : { control: target.dataset['focus'] }),
    };
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    const feed = event.currentTarget as HTMLElement;
    const target = event.target as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next !== null && feed.contains(next)) return;
    // After the DOM settles: a finding removed by the virtualizer parks focus; a move elsewhere forgets.
    queueMicrotask(() => {
      if (!target.isConnected) this.#park(feed);
      else if (!this.#inFeed(feed)) this.#remembered = undefined;
    });
  };

  /** The virtualizer rendered another range: put focus back, or park it if its finding left. */
  readonly onRangeChanged = (event: Event): void => {
    const feed = event.currentTarget as HTMLElement;
    // The virtualize directive renders the new range in its own listener of the same event.
    queueMicrotask(() => this.#settle(feed));
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (target.localName === 'select') return;
    const feed = event.currentTarget as HTMLElement;
    const article = target.closest<HTMLElement>('[data-finding]');
    // On the feed itself (parked while its finding is out of the DOM): from the remembered one.
    const at = article ? Number(article.getAttribute('aria-posinset')) - 1 : (this.#remembered?.index ?? -1);
    const size = Number(feed.querySelector('[aria-setsize]')?.getAttribute('aria-setsize') ?? 0);
    const index = event.key === 'PageDown' ? Math.min(size - 1, at + 1) : Math.max(0, at - 1);
    event.preventDefault();
    if (index !== at) void this.#focusIndex(feed, index);
  };

  #inFeed(feed: HTMLElement): boolean {
    const active = this.root()?.activeElement ?? null;
    return active !== null && feed.contains(active);
  }

  #article(feed: HTMLElement, finding: string): HTMLElement | null {
    return feed.querySelector<HTMLElement>(`[data-finding="${CSS.escape(finding)}"]`);
  }

  #restore(feed: HTMLElement, remembered: Remembered): boolean {
    const article = this.#article(feed, remembered.finding);
    if (!article) return false;
    const control =
      remembered.control === undefined
        ? article
        : (article.querySelector<HTMLElement>(`[data-focus="${CSS.escape(remembered.control)}"]`) ?? article);
    control.focus({ preventScroll: true });
    return true;
  }

  #park(feed: HTMLElement): void {
    if (!this.#remembered || !feed.isConnected) return;
    if (!this.#restore(feed, this.#remembered)) feed.focus({ preventScroll: true });
  }

  #settle(feed: HTMLElement): void {
    const remembered = this.#remembered;
    if (!remembered) return;
    const active = this.root()?.activeElement ?? null;
    // Parked on the feed: back to the control once its finding is rendered again.
    if (active === feed) this.#restore(feed, remembered);
    // Lost without a focusout (the focused finding was removed): park it.
    else if (active === null && (document.activeElement === document.body || document.activeElement === null))
      this.#park(feed);
  }

  async #focusIndex(feed: HTMLElement, index: number): Promise<void> {
    const rendered = feed.querySelector<HTMLElement>(`[aria-posinset="${index + 1}"]`);
    if (rendered) {
      rendered.focus();
      return;
    }
    const finding = this.idAt(index);
    if (finding === undefined) return;
    this.#remembered = { finding, index };
    feed.focus({ preventScroll: true });
    // Not rendered: only a virtualised feed leaves findings out, so the virtualizer is loaded.
    const { virtualizerRef } = await import('@lit-labs/virtualizer/virtualize.js');
    const virtualizer = (
      feed as unknown as Record<
        symbol,
        { element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined } | undefined
      >
    )[virtualizerRef];
    virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
  }
}

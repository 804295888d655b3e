/**
 * Keys of the WAI-ARIA combobox pattern (list autocomplete), as a pure decision: what a key does
 * given whether the list is open, which option is active, how many are shown and which is chosen.
 */

export interface ComboboxState {
  readonly open: boolean;
  /** Active option index, -1 when none. */
  readonly active: number;
  readonly count: number;
  /** Index of the chosen option among those shown, -1 when not shown. */
  readonly selected: number;
  /** Whether there is a value or search text that Escape would clear. */
  readonly clearable: boolean;
}

export type ComboboxAction =
  | { readonly kind: 'move'; readonly index: number }
  | { readonly kind: 'pick' }
  | { readonly kind: 'close' }
  | { readonly kind: 'close-tab' }
  | { readonly kind: 'clear' };

/** The action for a key, or undefined to let the input handle it (typing, caret moves). */
export function comboboxKey(
  event: Pick<KeyboardEvent, 'key' | 'altKey'>,
  state: ComboboxState,
): ComboboxAction | undefined {
  const { open, active, count, selected } = state;
  const last = count - 1;
  switch (event.key) {
    case 'ArrowDown':
      if (count === 0) return undefined;
      if (!open) return { kind: 'move', index: event.altKey ? -1 : selected >= 0 ? selected : 0 };
      return { kind: 'move', index: active >= last ? 0 : active + 1 };
    case 'ArrowUp':
      if (count === 0) return undefined;
      if (!open) return { kind: 'move', index: selected >= 0 ? selected : last };
      return { kind: 'move', index: active <= 0 ? last : active - 1 };
    case 'Home':
      return open && count > 0 ? { kind: 'move', index: 0 } : undefined;
    case 'End':
      return open && count > 0 ? { kind: 'move', index: last } : undefined;
    case 'Enter':
      return open && active >= 0 ? { kind: 'pick' } : undefined;
    case 'Escape':
      // With nothing to close or clear, Escape belongs to the host (e.g. closing a dialog).
      return open ? { kind: 'close' } : state.clearable ? { kind: 'clear' } : undefined;
    case 'Tab':
      return open ? { kind: 'close-tab' } : undefined;
    default:
      return undefined;
  }
}

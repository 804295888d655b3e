import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { localized, msg } from '@lit/localize';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { PartyKind } from '../../src/model/kinds.js';
import { camServicesContext, type CamServices } from '../context.js';
import { comboboxKey } from './combobox-keys.js';
import { styles } from './cam-relationship-type-picker.styles.js';
import { pickerModel, validityProblem, type PickerModel } from './picker-model.js';
import { optionId } from './type-render.js';
import { renderPicker } from './picker-view.js';
import { untilAborted } from './until-aborted.js';
import { floatNextTo } from '../internal/floating.js';

/**
 * A searchable, keyboard-operable relationship type picker (WAI-ARIA combobox with a grouped
 * listbox) that takes part in forms like a native control. It lists the types that apply to a
 * table and party type, grouped into those that grant access (they default a responsibility) and
 * those that only list the party, and shows what the chosen type's responsibility grants.
 *
 * @tagname cam-relationship-type-picker
 * @summary Picks a relationship type; shows its default responsibility and the access it grants.
 * @fires change - The user chose another type (or cleared the choice with Escape).
 * @csspart label - The visible label.
 * @csspart field - The box holding the input and the toggle button.
 * @csspart input - The combobox text input.
 * @csspart toggle - The button that opens the list.
 * @csspart listbox - The popup list.
 * @csspart group-label - The heading of a group of options.
 * @csspart option - One relationship type in the list.
 * @csspart summary - The chosen type's responsibility and access.
 * @csspart message - Status and error messages.
 * @cssprop --cam-font-family - Font family (default system-ui).
 * @cssprop --cam-font-size - Base font size (default 0.875rem).
 * @cssprop --cam-color-text - Text colour.
 * @cssprop --cam-color-text-muted - Secondary text.
 * @cssprop --cam-color-surface - Background of the input and the list.
 * @cssprop --cam-color-surface-hover - Background of a hovered option or button.
 * @cssprop --cam-color-border - Borders of the input and the list.
 * @cssprop --cam-radius - Corner radius (default 6px).
 * @cssprop --cam-color-danger - Errors and destructive actions.
 * @cssprop --cam-color-focus - Focus ring colour.
 * @cssprop --cam-focus-ring-width - Focus ring width (default 2px).
 * @cssprop --cam-color-option-active - Background of the active option.
 * @cssprop --cam-color-skeleton - The input while types load.
 * @cssprop --cam-listbox-max-height - Height of the list before it scrolls (default 16rem).
 * @cssprop --cam-shadow-popup - Shadow of the list.
 * @cssprop --cam-z-popup - Stacking order of the list (default 10).
 */
@localized()
export class CamRelationshipTypePicker extends LitElement {
  static override styles = styles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** Entity table the record is on, e.g. `sn_customerservice_case`; empty: every table. */
  @property({ attribute: 'applies-to' }) appliesTo = '';

  /** Party type the types must apply to; empty: every party type. */
  @property({ attribute: 'party-type' }) partyType: PartyKind | '' = '';

  /** The chosen relationship type id (sys_id); empty when none. */
  @property({ reflect: true }) value = '';

  /** Name under which the value is submitted with a form. */
  @property({ reflect: true }) name = '';

  /** Visible label; defaults to "Relationship type". */
  @property() label = '';

  /** A form cannot be submitted without a choice. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Not operable, and not submitted with a form. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @consume({ context: camServicesContext, subscribe: true })
  @state()
  private services?: CamServices;

  @state() private open = false;
  /** Text typed since the last choice; undefined shows the chosen type's name. */
  @state() private query: string | undefined;
  @state() private activeIndex = -1;
  @state() private formDisabled = false;
  @query('input') private input?: HTMLInputElement;

  private readonly internals = this.attachInternals();
  private initialValue: string | undefined;
  private unwatch?: () => void;
  /** Stops keeping the open list placed (Floating UI's autoUpdate). */
  private unfloat?: () => void;

  private readonly definitionsTask = new Task(this, {
    args: () => [this.services] as const,
    task: async ([services], { signal }) => {
      if (!services) return initialState;
      try {
        return await untilAborted(services.definitions.load(), signal);
      } catch (error) {
        if (!signal.aborted) services.reportError(error);
        throw error;
      }
    },
  });

  /** The chosen type, when it is among the applicable types. */
  get selectedType(): RelationshipType | undefined {
    return this.model().selected;
  }

  /** The responsibility id the chosen type defaults (undefined for "Listed" types or no choice). */
  get responsibility(): string | undefined {
    return this.selectedType?.defaultResponsibility;
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Validity state (valueMissing when required and empty; customError for an unknown type). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message of the current validity problem, or ''. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** True when the value is valid. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity`, and shows the browser's message when invalid. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.initialValue ??= this.value;
    this.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
    this.unfloat?.();
    this.unfloat = undefined;
  }

  /** Form reset: back to the value the element had when first connected. @internal */
  formResetCallback(): void {
    this.value = this.initialValue ?? '';
    this.closeList();
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** @internal */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string') this.value = state;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.query = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('services')) this.watch();
    this.internals.setFormValue(this.value);
    const problem = validityProblem(this.model(), this.value, this.required);
    if (problem) this.internals.setValidity(problem.flags, problem.message, this.input);
    else this.internals.setValidity({});
    this.placeList();
    if (changed.has('activeIndex') && this.activeIndex >= 0) {
      this.renderRoot.querySelector(`#${optionId(this.activeIndex)}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Shows the list in the top layer under the field while it is expanded, hides it otherwise. */
  private placeList(): void {
    const popup = this.renderRoot.querySelector<HTMLElement>('.popup');
    const field = this.renderRoot.querySelector('.field');
    if (!popup || !field) return;
    const expanded = !popup.hidden;
    if (expanded && !popup.matches(':popover-open')) {
      popup.showPopover();
      this.unfloat = floatNextTo(field, popup, { matchWidth: true });
    } else if (!expanded && popup.matches(':popover-open')) {
      this.unfloat?.();
      this.unfloat = undefined;
      popup.hidePopover();
    }
  }

  /** Re-reads the definitions whenever the service publishes new ones (revalidation, import). */
  private watch(): void {
    this.unwatch?.();
    this.unwatch = this.services?.definitions.subscribe(() => void this.definitionsTask.run());
  }

  private model(): PickerModel {
    const snapshot = this.definitionsTask.value;
    return pickerModel({
      definitions: snapshot?.definitions,
      appliesTo: this.appliesTo,
      partyType: this.partyType,
      tableMap: this.services?.tableMap,
      value: this.value,
      query: this.query ?? '',
    });
  }

  private pick(type: RelationshipType): void {
    const changed = type.id !== this.value;
    this.value = type.id;
    this.closeList();
    if (changed) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private closeList(): void {
    this.open = false;
    this.query = undefined;
    this.activeIndex = -1;
  }

  private onInput(event: Event): void {
    // The search text is not the value: hosts must not see these as the picker's input events.
    event.stopPropagation();
    this.query = (event.target as HTMLInputElement).value;
    this.open = true;
    this.activeIndex = this.model().visible.length > 0 ? 0 : -1;
  }

  private onKeydown(event: KeyboardEvent): void {
    const model = this.model();
    const action = comboboxKey(event, {
      open: this.open,
      active: this.activeIndex,
      count: model.visible.length,
      selected: model.visible.findIndex((type) => type.id === this.value),
      clearable: this.value !== '' || (this.query ?? '') !== '',
    });
    if (!action) return;
    if (action.kind !== 'close-tab') event.preventDefault();
    if (action.kind === 'move') {
      this.open = true;
      this.activeIndex = action.index;
    } else if (action.kind === 'pick') {
      const type = model.visible[this.activeIndex];
      if (type) this.pick(type);
    } else if (action.kind === 'clear') {
      const had = this.value !== '';
      this.value = '';
      this.query = undefined;
      this.closeList();
      if (had) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } else {
      this.closeList();
    }
  }

  private toggle(): void {
    if (this.open) this.closeList();
    else {
      this.open = true;
      this.activeIndex = this.model().visible.findIndex((type) => type.id === this.value);
    }
    this.input?.focus();
  }

  protected override render(): TemplateResult {
    const model = this.model();
    const loaded = model.definitions !== undefined;
    const failed = !loaded && this.definitionsTask.status === TaskStatus.ERROR;
    const inert = this.disabled || this.formDisabled || !loaded || model.types.length === 0;
    return renderPicker({
      model,
      label: this.label || msg('Relationship type'),
      required: this.required,
      loading: !loaded && !failed,
      error: failed ? (this.definitionsTask.error ?? new Error('unknown')) : undefined,
      inert,
      expanded: this.open && !inert && model.visible.length > 0,
      open: this.open,
      activeIndex: this.activeIndex,
      value: this.value,
      query: this.query,
      problem: validityProblem(model, this.value, this.required),
      on: {
        input: (event) => this.onInput(event),
        keydown: (event) => this.onKeydown(event),
        blur: () => this.closeList(),
        inputClick: () => (this.open ? undefined : this.toggle()),
        toggle: () => this.toggle(),
        pick: (type) => this.pick(type),
        retry: () => void this.definitionsTask.run(),
      },
    });
  }
}

/**
 * Base of the demo console's screens: rendered in the light DOM (the console's own stylesheet
 * styles them, as a host page would) and given the provider's services through @lit/context.
 */
import { LitElement } from 'lit';
import { consume } from '@lit/context';
import { camServicesContext, type CamServices } from '../../components/context.js';

export class ViewElement extends LitElement {
  /** The services of the enclosing <cam-provider> (its client serves the console's own lists). */
  @consume({ context: camServicesContext, subscribe: true })
  protected services?: CamServices;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}

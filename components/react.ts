/**
 * React wrappers of every cam element (`@lit/react`): typed props (the elements' properties, so
 * rich values such as `tableMap` pass as objects) and typed event props. Importing this module
 * registers the elements. React is a peer dependency of this entry point only.
 *
 *     import { CamProvider, CamRelatedPartyList } from 'cam-elements/react';
 *     <CamProvider baseUrl="https://acme.service-now.com" authToken={token} userId={me}>
 *       <CamRelatedPartyList entityTable="sn_customerservice_case" entityId={id}
 *         onPartyAdded={(e) => console.log(e.party.partyName)} />
 *     </CamProvider>
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CamProvider as CamProviderElement } from './provider/cam-provider.js';
import { CamRelatedPartyList as CamRelatedPartyListElement } from './related-party-list/cam-related-party-list.js';
import { CamRelationshipTypePicker as CamRelationshipTypePickerElement } from './relationship-type-picker/cam-relationship-type-picker.js';
import { CamEffectiveAccessBadge as CamEffectiveAccessBadgeElement } from './effective-access-badge/cam-effective-access-badge.js';
import { CamAddPartyDialog as CamAddPartyDialogElement } from './add-party-dialog/cam-add-party-dialog.js';
import { CamAccessInspector as CamAccessInspectorElement } from './access-inspector/cam-access-inspector.js';
import { CamAccessReview as CamAccessReviewElement } from './access-review/cam-access-review.js';
import type {
  CamAddPartyRequestEvent,
  CamAuthRequiredEvent,
  CamPartyAddedEvent,
  CamPartyChangedEvent,
  CamPartyRemovedEvent,
  CamPartySelectedEvent,
  CamPartiesRefreshedEvent,
} from './events.js';

/** `<cam-provider>`: `onAuthRequired` fires on a 401 (set new credentials on the provider). */
export const CamProvider = createComponent({
  react: React,
  tagName: 'cam-provider',
  elementClass: CamProviderElement,
  displayName: 'CamProvider',
  events: { onAuthRequired: 'cam-auth-required' as EventName<CamAuthRequiredEvent> },
});

/** `<cam-related-party-list>` with its change events; cancel `onAddPartyRequest` to show your own dialog. */
export const CamRelatedPartyList = createComponent({
  react: React,
  tagName: 'cam-related-party-list',
  elementClass: CamRelatedPartyListElement,
  displayName: 'CamRelatedPartyList',
  events: {
    onPartyAdded: 'cam-party-added' as EventName<CamPartyAddedEvent>,
    onPartyRemoved: 'cam-party-removed' as EventName<CamPartyRemovedEvent>,
    onPartyChanged: 'cam-party-changed' as EventName<CamPartyChangedEvent>,
    onAddPartyRequest: 'cam-add-party-request' as EventName<CamAddPartyRequestEvent>,
    onPartiesRefreshed: 'cam-parties-refreshed' as EventName<CamPartiesRefreshedEvent>,
  },
});

/** `<cam-relationship-type-picker>`: `onChange` fires when the user picks another type (read `value`). */
export const CamRelationshipTypePicker = createComponent({
  react: React,
  tagName: 'cam-relationship-type-picker',
  elementClass: CamRelationshipTypePickerElement,
  displayName: 'CamRelationshipTypePicker',
  events: { onChange: 'change' as EventName<Event> },
});

/** `<cam-effective-access-badge>`. */
export const CamEffectiveAccessBadge = createComponent({
  react: React,
  tagName: 'cam-effective-access-badge',
  elementClass: CamEffectiveAccessBadgeElement,
  displayName: 'CamEffectiveAccessBadge',
});

/** `<cam-add-party-dialog>`: `onPartyAdded` once saved, `onClose` when it closes (saved, cancelled, Escape). */
export const CamAddPartyDialog = createComponent({
  react: React,
  tagName: 'cam-add-party-dialog',
  elementClass: CamAddPartyDialogElement,
  displayName: 'CamAddPartyDialog',
  events: {
    onPartyAdded: 'cam-party-added' as EventName<CamPartyAddedEvent>,
    onPartySelected: 'cam-party-selected' as EventName<CamPartySelectedEvent>,
    onClose: 'close' as EventName<Event>,
  },
});

/** `<cam-access-inspector>`. */
export const CamAccessInspector = createComponent({
  react: React,
  tagName: 'cam-access-inspector',
  elementClass: CamAccessInspectorElement,
  displayName: 'CamAccessInspector',
});

/** `<cam-access-review>`: `accountId` (+ `includeChildren`) or `entityTable` + `entityId`. */
export const CamAccessReview = createComponent({
  react: React,
  tagName: 'cam-access-review',
  elementClass: CamAccessReviewElement,
  displayName: 'CamAccessReview',
});

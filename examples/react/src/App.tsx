import { useState } from 'react';
import {
  CamEffectiveAccessBadge,
  CamProvider,
  CamRelatedPartyList,
  CamRelationshipTypePicker,
} from 'cam-elements/react';

const CASE_TABLE = 'sn_customerservice_case';
const HOUSING_LOAN_CASE = '57070000000000000000000000000a01';
const NEAR_MISS_CASE = '57070000000000000000000000000c01';
const MAYA = '57070000000000000000000000000c03';
const SIGNED_IN_AGENT = '57070000000000000000000000000d01';

/** A React host using the library's @lit/react wrappers: typed props, typed event props. */
export function App() {
  const [events, setEvents] = useState<string[]>([]);
  const [type, setType] = useState('');
  const note = (text: string) => setEvents((list) => [text, ...list].slice(0, 5));

  return (
    <main>
      <h1>Customer access in a React app</h1>
      <CamProvider baseUrl="" userId={SIGNED_IN_AGENT} onAuthRequired={() => note('The session expired.')}>
        <section aria-labelledby="parties-heading">
          <h2 id="parties-heading">Related parties of case CS0001001</h2>
          <CamRelatedPartyList
            entityTable={CASE_TABLE}
            entityId={HOUSING_LOAN_CASE}
            onPartyAdded={(e) =>
              note(`${e.party.partyName ?? 'A party'} was added as ${e.party.typeName ?? '?'}.`)
            }
            onPartyRemoved={(e) => note(`${e.party.partyName ?? 'A party'} was removed.`)}
            onPartyChanged={(e) =>
              note(`${e.party.partyName ?? 'A party'} is now ${e.party.typeName ?? '?'}.`)
            }
          />
        </section>
        <section aria-labelledby="badge-heading">
          <h2 id="badge-heading">Maya Lindqvist on case CS0001004</h2>
          <p>
            Her access:{' '}
            <CamEffectiveAccessBadge
              principalKind="contact"
              principalId={MAYA}
              entityTable={CASE_TABLE}
              entityId={NEAR_MISS_CASE}
            />
          </p>
        </section>
        <section aria-labelledby="picker-heading">
          <h2 id="picker-heading">Relationship types for a contact on a case</h2>
          <CamRelationshipTypePicker
            appliesTo={CASE_TABLE}
            partyKind="contact"
            value={type}
            onChange={(e) => setType((e.currentTarget as HTMLElement & { value: string }).value)}
          />
          <p>Picked: {type || 'nothing yet'}</p>
        </section>
      </CamProvider>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        <ul aria-live="polite">
          {events.map((text, i) => (
            <li key={`${i}-${text}`}>{text}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}

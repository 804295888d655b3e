/**
 * `<cam-access-review>` with its review in a Web Worker (forced here: the story's account is below
 * the size from which the service uses one): the same findings and matrix as on the page, the
 * findings shown while the matrix is still on its way, Cancel
 * while the worker computes terminates it for good, a worker that fails shows the error with Retry
 * (never a result), and a worker that cannot start falls back to the page.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { ignoreResizeObserverLoop, freshUserId, until, useElementFixtures } from '../support/fixtures.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { createCamServices, type OwnedCamServices } from '../../src/service/create-services.js';
import { AccessReviewService, type ReviewWorkerMode } from '../../src/service/access-review-service.js';
import { createReviewWorker, type ReviewWorkerFactory } from '../../src/service/review-worker-client.js';
import type { CamProvider } from '../../components/provider/cam-provider.component.js';
import type { CamServices } from '../../components/context.js';
import '../../components/access-review/cam-access-review.js';
import type { CamAccessReview } from '../../components/access-review/cam-access-review.component.js';

const S = REVIEW_STORY;
const one = (el: CamAccessReview, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const loaded = (el: CamAccessReview) => until(() => one(el, '[part=summary]') !== null, 'the review', 15_000);

/** A worker from source text (a stand-in for a broken build). */
const workerOf =
  (source: string): ReviewWorkerFactory =>
  () =>
    new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));

const THROWING = workerOf(
  `postMessage({ type: 'ready' }); addEventListener('message', (e) => { if (e.data.type === 'run') throw new Error('engine exploded'); });`,
);

let owned: OwnedCamServices[] = [];

/** The review of the story's account, with the review service made to use `worker`. */
async function renderReview(worker: ReviewWorkerMode, createWorker?: ReviewWorkerFactory) {
  const base = createCamServices({ userId: freshUserId() });
  owned.push(base);
  const client = new TableApiClient({ timeoutMs: 5000, retry: { retries: 0 } });
  const services: CamServices = {
    ...base,
    loadReview: async () =>
      new AccessReviewService(client, DEFAULT_TABLE_MAP, base.definitions, { worker, createWorker }),
  };
  const provider = await fixture<CamProvider>(
    html`<cam-provider .services=${services}
      ><cam-access-review account-id=${S.account.id} reviewer="Ann Reviewer"></cam-access-review
    ></cam-provider>`,
  );
  return provider.querySelector('cam-access-review') as CamAccessReview;
}

/** The review as exported, without the moment it was exported. */
const exported = (el: CamAccessReview) => {
  const json = JSON.parse(el.toJson()) as Record<string, unknown>;
  delete json['exportedAt'];
  return json;
};

describe('<cam-access-review> with the review in a worker', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  afterEach(() => {
    for (const services of owned) services.dispose();
    owned = [];
  });

  it('shows the same findings and matrix as the review on the page', async () => {
    let started = 0;
    const inWorker = await renderReview('always', () => {
      started += 1;
      return createReviewWorker();
    });
    await loaded(inWorker);
    expect(started).to.equal(1);
    const onPage = await renderReview('never');
    await loaded(onPage);
    expect(inWorker.findings.length).to.be.greaterThan(0);
    expect(exported(inWorker)).to.deep.equal(exported(onPage));
    expect(text(one(inWorker, '[part=summary]'))).to.equal(text(one(onPage, '[part=summary]')));
  });

  it('streams: the findings show (axe-clean, Cancel offered, no export yet) while the matrix is on its way', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const el = await renderReview('always', () => {
      const worker = createReviewWorker();
      // The rows the worker sends are held back until the test lets them through.
      const listen = worker.addEventListener.bind(worker);
      worker.addEventListener = ((type: string, listener: EventListener) => {
        if (type !== 'message') return listen(type, listener);
        return listen('message', (event: Event) => {
          const data = (event as MessageEvent<{ type: string }>).data;
          if (data.type === 'rows') void held.then(() => listener(event));
          else listener(event);
        });
      }) as Worker['addEventListener'];
      return worker;
    });
    await until(() => one(el, '[part~=finding]') !== null, 'the findings', 15_000);
    expect(el.findings.length).to.be.greaterThan(0);
    expect(text(one(el, '[part=progress]'))).to.match(/Findings: \d+\./);
    expect(one(el, '[part=progress] button')).to.not.equal(null, 'Cancel is offered');
    expect(one(el, '[part=summary]')).to.equal(null);
    expect(one(el, '[part=export]')).to.equal(null);
    expect(el.toCsv()).to.equal('', 'no export of a half-built review');
    await expect(el).to.be.accessible();
    release();
    await loaded(el);
    expect(one(el, '[part=export]')).to.not.equal(null);
    expect(el.toCsv()).to.not.equal('');
  });

  it('Cancel while the worker computes terminates it; nothing arrives after', async () => {
    const workers: { terminated: boolean; messages: number }[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const el = await renderReview('always', () => {
      const worker = createReviewWorker();
      const seen = { terminated: false, messages: 0 };
      workers.push(seen);
      // The run is held back until the test lets it go: the element stays in "Reviewing access".
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (message: { type: string }) => {
        if (message.type === 'run') void held.then(() => post(message));
        else post(message);
      };
      const terminate = worker.terminate.bind(worker);
      worker.terminate = () => {
        seen.terminated = true;
        terminate();
      };
      worker.addEventListener('message', () => (seen.messages += 1));
      return worker;
    });
    await until(
      () => workers.length === 1 && text(one(el, '[part=progress]')).includes('Reviewing access'),
      'the worker',
    );
    (one(el, '[part=progress] button') as HTMLButtonElement).click();
    await until(() => text(one(el, '.cancelled')).includes('cancelled'), 'cancelled');
    expect(workers[0]?.terminated).to.equal(true);
    const messages = workers[0]?.messages;
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers[0]?.messages).to.equal(messages);
    expect(text(one(el, '.cancelled'))).to.contain('cancelled');
    expect(one(el, '[part=finding]')).to.equal(null);
    await expect(el).to.be.accessible();
    (one(el, '.cancelled button') as HTMLButtonElement).click();
    await loaded(el);
  });

  it('a worker that fails shows the error with Retry, never a result; Retry reviews again', async () => {
    let calls = 0;
    const el = await renderReview('always', () => {
      calls += 1;
      return calls === 1 ? THROWING() : createReviewWorker();
    });
    await until(() => one(el, '[role=alert]') !== null, 'the error');
    expect(text(one(el, '[role=alert]'))).to.contain('engine exploded');
    expect(one(el, '[part=finding]')).to.equal(null);
    expect(one(el, '[part=summary]')).to.equal(null);
    await expect(el).to.be.accessible();
    const retry = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => text(b) === 'Retry');
    retry?.click();
    await loaded(el);
    expect(calls).to.equal(2);
    expect(el.findings.length).to.be.greaterThan(0);
  });

  it('a worker that cannot start: the review runs on the page, with a console warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await renderReview('always', () => {
        throw new DOMException('Refused by the Content-Security-Policy', 'SecurityError');
      });
      await loaded(el);
      expect(el.findings.length).to.be.greaterThan(0);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.match(/reviewing on the page instead/);
  });
});

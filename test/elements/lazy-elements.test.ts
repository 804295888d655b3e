/**
 * Elements defined on demand (the bundle's add dialog and inspector): a tag with a loader is
 * defined once it appears in the document or is asked for, a failed load can be retried, and a tag
 * defined already is left alone.
 */
import { expect } from '@open-wc/testing';
import { lazyElement, loadElement } from '../../components/internal/lazy-elements.js';
import { until } from '../support/fixtures.js';

let counter = 0;
/** A tag no other test uses. */
const freshTag = () => `cam-lazy-probe-${Date.now().toString(36)}-${counter++}`;

/** A loader that defines `tag` (as the registration modules do) and counts its calls. */
function loaderFor(tag: string): { load: () => Promise<unknown>; calls: () => number } {
  let calls = 0;
  return {
    load: () => {
      calls++;
      if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
      return Promise.resolve();
    },
    calls: () => calls,
  };
}

describe('lazily defined elements', () => {
  const added: Element[] = [];
  afterEach(() => {
    for (const element of added.splice(0)) element.remove();
  });

  it('loads nothing until the tag is needed, then once when it appears in the document', async () => {
    const tag = freshTag();
    const loader = loaderFor(tag);
    lazyElement(tag, loader.load);
    expect(loader.calls()).to.equal(0);
    expect(customElements.get(tag)).to.equal(undefined);

    const wrapper = document.createElement('div');
    wrapper.append(document.createElement(tag), document.createElement(tag));
    document.body.append(wrapper);
    added.push(wrapper);
    await until(() => customElements.get(tag) !== undefined, `<${tag}> to be defined`);
    expect(loader.calls()).to.equal(1);
    expect(wrapper.firstElementChild).to.be.instanceOf(customElements.get(tag) as CustomElementConstructor);
  });

  it('loads at once a tag already in the document when the loader is registered', async () => {
    const tag = freshTag();
    const element = document.body.appendChild(document.createElement(tag));
    added.push(element);
    // Mutation records of the append are delivered before the loader exists.
    await new Promise((resolve) => setTimeout(resolve));
    const loader = loaderFor(tag);
    lazyElement(tag, loader.load);
    await until(() => customElements.get(tag) !== undefined, `<${tag}> to be defined`);
    expect(loader.calls()).to.equal(1);
  });

  it('loadElement resolves with the class (inside a shadow root too) and shares one load', async () => {
    const tag = freshTag();
    const loader = loaderFor(tag);
    lazyElement(tag, loader.load);
    const [first, second] = await Promise.all([loadElement(tag), loadElement(tag)]);
    expect(first).to.equal(customElements.get(tag));
    expect(second).to.equal(first);
    expect(loader.calls()).to.equal(1);
    expect(await loadElement(tag)).to.equal(first);
  });

  it('a failed load rejects, and the next request tries again', async () => {
    const tag = freshTag();
    let fail = true;
    let calls = 0;
    lazyElement(tag, () => {
      calls++;
      if (fail) return Promise.reject(new Error('chunk unreachable'));
      customElements.define(tag, class extends HTMLElement {});
      return Promise.resolve();
    });
    let error: unknown;
    await loadElement(tag).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('chunk unreachable');
    fail = false;
    expect(await loadElement(tag)).to.equal(customElements.get(tag));
    expect(calls).to.equal(2);
  });

  it('leaves a tag that is already defined alone', async () => {
    const tag = freshTag();
    class Defined extends HTMLElement {}
    customElements.define(tag, Defined);
    const loader = loaderFor(tag);
    lazyElement(tag, loader.load);
    expect(await loadElement(tag)).to.equal(Defined);
    expect(loader.calls()).to.equal(0);
  });
});

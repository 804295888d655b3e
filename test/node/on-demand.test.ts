import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onDemand } from '../../src/internal/on-demand.js';

describe('code loaded on first use (onDemand)', () => {
  it('loads once, on the first call, and shares the module with every caller', async () => {
    let loads = 0;
    const module = onDemand(async () => ({ value: ++loads }), 'The thing');
    const load = module.load;
    assert.equal(loads, 0);
    assert.equal(module.loaded, undefined);
    const [a, b] = await Promise.all([load(), load()]);
    assert.equal(a, b);
    assert.equal((await load()).value, 1);
    assert.equal(loads, 1);
    assert.equal(module.loaded, a, 'given synchronously once loaded');
  });

  it('says what could not be loaded and to reload the page; the next call asks again', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module: /x.js');
    let attempts = 0;
    const { load } = onDemand(async () => {
      attempts += 1;
      if (attempts === 1) throw failure;
      return 'module';
    }, 'Editing related parties');
    await assert.rejects(load(), (error: Error) => {
      assert.equal(
        error.message,
        'Editing related parties could not be loaded (Failed to fetch dynamically imported module: /x.js). Reload the page and try again.',
      );
      assert.equal(error.cause, failure);
      return true;
    });
    assert.equal(await load(), 'module');
    assert.equal(attempts, 2);
  });

  it('without a name, a failed load rejects with the browser’s own error; warm() never rejects', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module: /y.js');
    const module = onDemand(async () => {
      throw failure;
    });
    module.warm();
    await assert.rejects(module.load(), (error: unknown) => error === failure);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadOnDemand } from '../../src/service/load-on-demand.js';

describe('code the services load on first use (loadOnDemand)', () => {
  it('loads once, on the first call, and shares the module with every caller', async () => {
    let loads = 0;
    const load = loadOnDemand('The thing', async () => ({ value: ++loads }));
    assert.equal(loads, 0);
    const [a, b] = await Promise.all([load(), load()]);
    assert.equal(a, b);
    assert.equal((await load()).value, 1);
    assert.equal(loads, 1);
  });

  it('says what could not be loaded and to reload the page; the next call asks again', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module: /x.js');
    let attempts = 0;
    const load = loadOnDemand('Editing related parties', async () => {
      attempts += 1;
      if (attempts === 1) throw failure;
      return 'module';
    });
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
});

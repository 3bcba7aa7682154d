import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestDesk, type TestDesk } from '../../testing/desk-server.js';
import { TEST_STORES } from '../../testing/test-stores.js';

describe('the law browser’s routes over HTTP', () => {
  let desk: TestDesk;
  before(async () => {
    // The law is read from the engine, not the store: one store kind is enough.
    desk = await startTestDesk(TEST_STORES[0]!);
  });
  after(() => desk.close());

  it('gives the timelines and the law in force to anyone, signed in or not', async () => {
    const timelines = await desk.anonymous.request('GET', '/api/law/jurisdictions');
    assert.equal(timelines.status, 200);
    assert.ok((timelines.body as { id: string }[]).some((entry) => entry.id === 'texas'));
    const law = await desk.anonymous.request(
      'GET',
      '/api/law/in-force?jurisdiction=texas&date=2020-01-01',
    );
    assert.equal(law.status, 200, law.text);
    const body = law.body as { from: string; clauses: { id: string; verification: string }[] };
    assert.equal(body.from, '2017-09-01');
    assert.ok(body.clauses.some((clause) => clause.verification === 'secondary'));
  });

  it('is read-only: the law browser’s routes take GET alone, from anyone', async () => {
    for (const path of [
      '/api/law/jurisdictions',
      '/api/law/in-force?jurisdiction=texas&date=2020-01-01',
      '/api/law/clauses',
    ]) {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const refused = await desk.anonymous.request(method, path);
        assert.equal(refused.status, 405, `${method} ${path}`);
        assert.deepEqual(refused.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD']);
      }
    }
  });

  it('answers a bad date with the field and an unknown jurisdiction with a 404', async () => {
    const early = await desk.anonymous.request(
      'GET',
      '/api/law/in-force?jurisdiction=texas&date=1999-01-01',
    );
    assert.equal(early.status, 400);
    assert.equal((early.body as { errors: { path: string }[] }).errors[0]?.path, 'date');
    const unknown = await desk.anonymous.request(
      'GET',
      '/api/law/in-force?jurisdiction=atlantis&date=2020-01-01',
    );
    assert.equal(unknown.status, 404);
  });
});

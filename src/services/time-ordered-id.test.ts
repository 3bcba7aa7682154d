import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { timeOrderedId } from './time-ordered-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids', () => {
  it('are UUIDv7, all different, across refills of the random pool', () => {
    const ids = Array.from({ length: 1000 }, timeOrderedId);
    for (const id of ids) assert.match(id, UUID_V7);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('sort after the ids of earlier milliseconds', async () => {
    const earlier = Array.from({ length: 10 }, timeOrderedId);
    await new Promise((resolve) => setTimeout(resolve, 2));
    const later = timeOrderedId();
    for (const id of earlier) assert.ok(id < later, `${id} < ${later}`);
    const stamp = Number.parseInt(later.replaceAll('-', '').slice(0, 12), 16);
    assert.ok(Math.abs(stamp - Date.now()) < 1000, 'the id begins with the time of creation');
  });
});

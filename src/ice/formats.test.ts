import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFormat, headerKey, type FormatId } from './formats.js';
import { HEADERS } from './test-files.js';

function detected(cells: readonly (string | null)[]) {
  const result = detectFormat(cells);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.layout;
}

test('each format is recognized from its header, with its width', () => {
  const cases: [keyof typeof HEADERS, FormatId, number][] = [
    ['A', 'A', 65],
    ['B', 'B', 66],
    ['B65', 'B', 65],
    ['C', 'C', 44],
    ['D', 'D', 6],
    ['E', 'E', 6],
  ];
  for (const [header, id, width] of cases) {
    const layout = detected(HEADERS[header]);
    assert.equal(layout.format.id, id, header);
    assert.equal(layout.width, width, header);
    assert.equal(layout.hasHeader, true);
  }
});

test('columns are found by name, whatever their order, case or punctuation', () => {
  const shuffled = [...HEADERS.A].reverse().map((name) => name.toUpperCase().replace(/ /g, '_'));
  const layout = detected(shuffled);
  assert.equal(layout.format.id, 'A');
  assert.equal(layout.positions.preparedDate, 64);
  assert.equal(layout.positions.personId, 0);
});

test('a later release without an optional column still reads, the field missing', () => {
  const layout = detected(HEADERS.C.filter((name) => name !== 'AOR'));
  assert.equal(layout.format.id, 'C');
  assert.equal(layout.positions.aor, undefined);
});

test("a six-cell row starting with a date is a headerless NPR file's first row", () => {
  const layout = detected(['2012-01-05 00:00:00', '', 'YORK COUNTY PRISON', 'YORK', 'PA', 'I247']);
  assert.equal(layout.format.id, 'E');
  assert.equal(layout.hasHeader, false);
  assert.equal(layout.positions.state, 4);
});

test('an unknown header is an error naming what the row held', () => {
  const result = detectFormat(['Name', null, 'Booking Date']);
  assert.ok(!result.ok);
  assert.match(result.reason, /3 cells: "Name", \(blank\), "Booking Date"/);
  const empty = detectFormat([]);
  assert.ok(!empty.ok);
  assert.match(empty.reason, /nothing/);
});

test('a header fitting two formats is refused, not guessed', () => {
  const result = detectFormat([...HEADERS.A, 'Detainer Facility']);
  assert.ok(!result.ok);
  assert.match(result.reason, /more than one format \(A, B\)/);
});

test("the DDP's processed columns are format F, not A, by their provenance columns", () => {
  const snake = HEADERS.A.map((name) => headerKey(name).replace(/ /g, '_'));
  const ddp = [...snake, 'file_original', 'sheet_original', 'row_original', 'duplicate_likely'];
  const layout = detected(ddp);
  assert.equal(layout.format.id, 'F');
  assert.equal(layout.positions.personId, snake.indexOf('unique_identifier'));
  // Without them, the same snake_case names are format A's columns.
  assert.equal(detected(snake).format.id, 'A');
});

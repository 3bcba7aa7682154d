/**
 * Every jurisdiction the engine decides for. Adding one means adding its folder and a line here.
 * @module
 */
import type { Jurisdiction } from '../engine/jurisdiction.js';
import { CALIFORNIA } from './california/index.js';
import { NYC_DOC } from './nyc/doc/index.js';
import { NYC_NYPD } from './nyc/nypd/index.js';
import { ILLINOIS } from './illinois/index.js';
import { NYC_PROBATION } from './nyc/probation/index.js';
import { OREGON } from './oregon/index.js';
import { TEXAS } from './texas/index.js';

export const JURISDICTIONS: readonly Jurisdiction[] = Object.freeze([
  NYC_DOC,
  NYC_NYPD,
  NYC_PROBATION,
  CALIFORNIA,
  TEXAS,
  ILLINOIS,
  OREGON,
]);

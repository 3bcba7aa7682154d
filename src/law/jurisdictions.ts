/**
 * Every jurisdiction the engine decides for. Adding one means adding its folder and a line here.
 * @module
 */
import type { Jurisdiction } from '../engine/jurisdiction.js';
import { NYC_DOC } from './nyc/doc/index.js';

export const JURISDICTIONS: readonly Jurisdiction[] = [NYC_DOC];

/**
 * A whole number in a query or path parameter: digits only (no sign, exponent, hex or blank),
 * within its range, documented as an integer with that range. `z.coerce.number()` would also take
 * `1e3`, `0x10` and an empty value, and its schema reads as nullable and, in a path, optional.
 * @module
 */
import { z } from 'zod';

export function integerParam(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^\d{1,16}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .openapi({ type: 'integer', minimum: min, maximum: max });
}

/** The same, taking `fallback` when absent, as the document says. */
export function integerParamOr(fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) {
  return integerParam(min, max).default(fallback).openapi({ default: fallback });
}

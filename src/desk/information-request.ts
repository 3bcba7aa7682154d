/**
 * An ICE (or other federal) request for information about a person in custody: what was asked,
 * and, once decided, what was answered.
 * @module
 */
import { z } from 'zod';
import { INFORMATION_ITEMS, REQUESTERS, instantSchema, triSchema } from '../engine/case.js';
import { lawDateSchema } from './date-checks.js';

export const informationRequestSchema = z
  .strictObject({
    receivedAt: lawDateSchema.describe('When the request was received; not in the future.'),
    requester: z.enum(REQUESTERS).default('ice'),
    information: z
      .array(z.enum(INFORMATION_ITEMS))
      .min(1)
      .max(INFORMATION_ITEMS.length)
      .describe('What is asked for.'),
    purpose: z
      .enum([
        'civil-immigration-enforcement',
        'unrelated-to-civil-immigration-enforcement',
        'unknown',
      ])
      .default('unknown')
      .describe('Whether the request relates to the enforcement of civil immigration law.'),
    requiredByLaw: triSchema.optional().describe('Answering is otherwise required by law.'),
    publiclyAvailable: triSchema.optional().describe('The information is already public.'),
    note: z.string().max(4000).optional().describe('The request in the requester’s words.'),
  })
  .describe('A request for information about the person.');

export const informationAnswerSchema = z
  .strictObject({
    answeredAt: instantSchema
      .optional()
      .describe(
        'When the answer was sent; now when absent. Not before the request, not in the future.',
      ),
    disclosed: z
      .array(z.enum(INFORMATION_ITEMS))
      .max(INFORMATION_ITEMS.length)
      .describe('The items given to the requester; an empty list records a refusal.'),
    note: z.string().max(4000).optional().describe('What was said, in words.'),
  })
  .describe('What the agency answered.');

export type InformationRequest = z.output<typeof informationRequestSchema>;
export type InformationAnswer = z.output<typeof informationAnswerSchema>;

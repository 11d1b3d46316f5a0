/** @module The program: products, currencies and the service levels of deal registration. */
import * as z from 'zod/mini';
import { Currency, ProductId, text } from './common.js';

export const Product = z.object({ id: ProductId, name: z.string() });
export type Product = z.infer<typeof Product>;

export const Program = z.object({
  name: z.string(),
  products: z.array(Product),
  currencies: z.array(Currency),
  slaHours: z.int(),
  protectionDays: z.int(),
  claimWindowDays: z.int(),
});
export type Program = z.infer<typeof Program>;

export const PROGRAM_DEFAULTS = { slaHours: 48, protectionDays: 90, claimWindowDays: 60 } as const;

/** `PUT /v1/program`. Omitted service levels take their defaults. */
export const ProgramInput = /* @__PURE__ */ (() =>
  z.strictObject({
    name: text(200),
    products: z.array(z.strictObject({ id: ProductId, name: text(200) })).check(z.maxLength(500)),
    currencies: z.array(Currency).check(z.minLength(1, 'At least one currency.'), z.maxLength(50)),
    slaHours: z.optional(z.int().check(z.gte(1), z.lte(24 * 90))),
    protectionDays: z.optional(z.int().check(z.gte(1), z.lte(3650))),
    claimWindowDays: z.optional(z.int().check(z.gte(1), z.lte(3650))),
  }))();
export type ProgramInput = z.infer<typeof ProgramInput>;

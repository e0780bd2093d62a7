/**
 * What a handler may return for an answer the contract types as `T`: the same shape, where a
 * `Date` may stand for a string, since JSON turns it into the ISO string the contract names. A
 * controller declares `Promise<Sendable<Ticket>>`, so the compiler holds the API to its contract.
 */
export type Sendable<T> = T extends string
  ? T | Date
  : T extends readonly (infer Item)[]
    ? readonly Sendable<Item>[]
    : T extends object
      ? { [K in keyof T]: Sendable<T[K]> }
      : T;

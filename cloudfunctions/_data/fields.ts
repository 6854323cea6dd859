/** A field projection for `.field()`: only the named fields (and `_id`) come back. */
export const project = (fields: readonly string[]): Record<string, true> =>
  Object.fromEntries(fields.map((f) => [f, true]));

/** A document read inside a transaction: the SDK answers an object, an array or nothing. */
export const txData = <T>(d: unknown): T | undefined => {
  const v = Array.isArray(d) ? d[0] : d;
  return v === null || v === undefined ? undefined : (v as T);
};

/** A field list typed against a document, e.g. `fieldsOf<ResidentDoc>()('name', 'tags')`. */
export type Projected<D, K extends keyof D> = Pick<D, K | ('_id' extends keyof D ? '_id' : never)>;

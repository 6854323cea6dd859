/** One transport signature for both platforms; `api.ts` builds typed calls on top of it. */
export type CallFunction = (name: string, data: unknown) => Promise<unknown>;

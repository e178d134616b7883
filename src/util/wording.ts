/**
 * The shape of a catalog of words: each rule id maps to the function that renders its English from
 * the rule's data. Producers hand over `{ rule, data }` and never write prose; the catalog is the one
 * place the words live, so they can be read, audited and changed together. The type of each entry's
 * parameter is the data the rule takes: an unknown id, or data of the wrong shape, does not compile.
 */

/** A rule's data: plain values (numbers, names, paths, versions, quoted messages from outside), no prose of ours. */
export type WordData = Readonly<Record<string, unknown>>;

/** Rule id → renderer. `(data: never)` admits any parameter type, so each entry declares its own. */
export type Catalog = Readonly<Record<string, (data: never) => string>>;

/** What a producer passes for rule `K`: the data, or nothing for a rule without data. */
export type DataArgs<C extends Catalog, K extends keyof C> = Parameters<C[K]>;

/** The rule's data (`{}` when it has none) and its English. */
export function renderWords<C extends Catalog, K extends keyof C & string>(catalog: C, id: K, args: DataArgs<C, K>): { data: WordData; text: string } {
  const data: WordData = (args[0] as WordData | undefined) ?? {};
  return { data, text: (catalog[id] as unknown as (d: WordData) => string)(data) };
}

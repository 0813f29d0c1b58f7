/**
 * Runs a drizzle query as a prepared statement of its connection (docs/decisions.md, "Submissions:
 * fewer statements, prepared"). drizzle sends every other query unnamed, and the postgres driver
 * then asks the server to describe it first: two round trips and a parse on every call. Prepared,
 * a statement costs one round trip from its second call on that connection (the driver keys them
 * by their SQL text). Only for statements of a fixed shape on hot paths: the driver keeps every
 * prepared text for the life of the connection, so a query whose SQL varies (IN lists, optional
 * filters) must not come here. On PGlite the name is ignored and the query runs as usual.
 */
export function prepared<T>(query: { prepare(name: string): { execute(): Promise<T> } }, name: string): Promise<T> {
  return query.prepare(name).execute();
}

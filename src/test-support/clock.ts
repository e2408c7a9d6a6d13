/** Runs `run` with Date.now() `ms` later than it is (cached data turns stale, windows close). */
export async function later<T>(ms: number, run: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow() + ms;
  try {
    return await run();
  } finally {
    Date.now = realNow;
  }
}

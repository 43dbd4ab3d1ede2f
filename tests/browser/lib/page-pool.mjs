// A few pages reused test after test: opening a page costs more than loading a document into
// one, and two at a time is what two cores can render.
export async function pagePool(context, size) {
  const idle = await Promise.all(Array.from({ length: size }, () => context.newPage()));
  const waiting = [];
  return {
    async use(task) {
      const page = idle.pop() ?? await new Promise(resolve => waiting.push(resolve));
      try {
        return await task(page);
      } finally {
        const next = waiting.shift();
        if (next) next(page); else idle.push(page);
      }
    },
  };
}

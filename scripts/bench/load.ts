// Closed-loop load: `concurrency` clients, each sending its next request as soon
// as the previous one is answered, for a fixed time. Latencies in milliseconds.
export type Operation = {
  name: string;
  kind: "read" | "write";
  weight: number;
  run: (client: number) => Promise<void>;
};
export type LoadResult = { seconds: number; count: number; errors: number; latencies: Map<string, number[]> };

export async function runLoad(
  operations: Operation[],
  concurrency: number,
  seconds: number,
  random: () => number,
): Promise<LoadResult> {
  const total = operations.reduce((sum, operation) => sum + operation.weight, 0);
  const choose = () => {
    let ticket = random() * total;
    for (const operation of operations) if ((ticket -= operation.weight) < 0) return operation;
    return operations.at(-1)!;
  };
  const latencies = new Map(operations.map((operation) => [operation.name, [] as number[]]));
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (performance.now() < deadline) {
        const operation = choose();
        const start = performance.now();
        try {
          await operation.run(client);
          latencies.get(operation.name)!.push(performance.now() - start);
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.error(`  ${operation.name} failed: ${(error as Error).message}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    seconds: elapsed,
    count: Array.from(latencies.values()).reduce((sum, list) => sum + list.length, 0),
    errors,
    latencies,
  };
}

export function percentile(values: number[], fraction: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

export const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

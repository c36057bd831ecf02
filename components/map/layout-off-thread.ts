import { forceLayout, type LayoutPositions, type LayoutRequest } from "./force-layout";

// Positions for the map, computed in a Web Worker so the page stays responsive while a large
// map is laid out (in the same thread only where there are no workers).
export function layoutOffThread(request: LayoutRequest): { result: Promise<LayoutPositions>; cancel: () => void } {
  if (typeof Worker === "undefined") return { result: Promise.resolve(forceLayout(request)), cancel: () => {} };
  const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  const result = new Promise<LayoutPositions>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutPositions>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || "The map's layout failed."));
      worker.terminate();
    };
  });
  worker.postMessage(request);
  return { result, cancel: () => worker.terminate() };
}

// Lays the map out off the main thread: receives a LayoutRequest, answers with positions.
import { forceLayout, type LayoutRequest } from "./force-layout";

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(forceLayout(event.data));
};

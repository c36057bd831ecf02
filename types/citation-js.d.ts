// The parts of Citation.js (no bundled types) that lib/citations uses.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data?: unknown, options?: object);
    static async(data: unknown, options?: object): Promise<Cite>;
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: string): { styles: { add(name: string, xml: string): void; has(name: string): boolean } } };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-ris";

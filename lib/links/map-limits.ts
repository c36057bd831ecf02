// The debate map's limits (shared by the server and the page): how many of the most linked
// documents the overview draws one by one (by default, and at most; the rest form one "other
// documents" cluster), and the passages one opened document draws (the rest are counted).
export const DEFAULT_CLUSTERS = 100;
export const MAX_CLUSTERS = 1500;
export const MAX_EXPANDED_PASSAGES = 400;
export const OTHERS_ID = "others";

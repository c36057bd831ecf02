// The debate map's limits (shared by the server and the page): the most linked documents the
// overview draws as clusters, and the passages one opened cluster draws. Both are counted when passed.
export const MAX_CLUSTERS = 1500;
export const MAX_EXPANDED_PASSAGES = 400;

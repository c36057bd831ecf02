export async function benchReader() { return false; }

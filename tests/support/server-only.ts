// Stands in for the "server-only" guard when tests import server modules directly.
export {};

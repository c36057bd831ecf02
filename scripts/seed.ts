// Seeds the demo workspace into DATABASE_URL (npm start does this by itself).
import { createDb } from "../lib/db";
import { seedDemo } from "../prisma/seed/seed-demo";

const db = createDb();
const { created } = await seedDemo(db);
console.log(created ? "Seeded the demo workspace." : "The demo workspace already exists; nothing to do.");
await db.$disconnect();

// Applies pending migrations to DATABASE_URL. Usage: npm run db:migrate
import { migrate } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (npm start migrates the embedded database by itself.)");
  process.exit(2);
}
const report = await migrate(url);
console.log(`Applied ${report.applied.length} migration(s); ${report.alreadyApplied} already applied.`);

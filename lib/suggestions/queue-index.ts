import "server-only";
import type { PrismaTransactionLike } from "pg-boss";
import { enqueueJob } from "@/lib/jobs/boss";

// Whether imports and revisions queue the passage index (SUGGESTIONS_INDEX=off: they do not,
// and suggestions rank every passage by its words alone). The unit and integration tests turn
// it off unless they test it.
export const isSuggestionIndexOn = () => process.env.SUGGESTIONS_INDEX !== "off";

// Called inside the transaction that writes a document's text: the job exists exactly when
// the text does.
export async function queuePassageIndex(tx: PrismaTransactionLike, documentId: string) {
  if (!isSuggestionIndexOn()) return;
  await enqueueJob("suggest.index", { documentId }, { tx, singletonKey: documentId });
}

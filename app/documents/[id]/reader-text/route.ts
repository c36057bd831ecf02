import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { findDocumentDetails } from "@/lib/documents/find-document";
import { abilitiesFor } from "@/lib/policies/workspace-policy";
import { readerText } from "@/lib/reader/load-reader";

// The reader's rendered text, for the browser when the highlights change after the page
// loaded (a new annotation, a refresh) or when the page was reached without a full load.
// Same access check as the page; the highlights are the ones this reader may see.
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { document, access } = await findDocumentDetails(actor, params.id, "read");
  return json(await readerText(document, abilitiesFor(access).canModerate, actor?.id));
});

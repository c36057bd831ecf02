import { apiRoute } from "@/lib/api/route";
import { findOriginalFile } from "@/lib/documents/original-file";
import { originalFileResponse } from "@/lib/documents/original-response";

// The file the current revision was imported from, as uploaded.
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  originalFileResponse(request, await findOriginalFile(actor, params.id)),
);

import { buildOpenApiDocument } from "@/lib/openapi/document";

export function GET(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin));
}

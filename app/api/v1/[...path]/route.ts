import { errorResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";

// Unknown API paths answer in the error envelope rather than with an HTML page.
const unknownRoute = async (request: Request) =>
  errorResponse(
    new AppError(
      "not_found",
      `No API route for ${request.method} ${new URL(request.url).pathname}. See /api/v1/openapi.json.`,
    ),
  );

export {
  unknownRoute as GET,
  unknownRoute as POST,
  unknownRoute as PUT,
  unknownRoute as PATCH,
  unknownRoute as DELETE,
};

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readJson } from "./read-input";

const schema = z.object({ name: z.string().min(1) });
const request = (body: string, type = "application/json") =>
  new Request("http://x/", { method: "POST", body, headers: { "content-type": type } });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a failure");
}

describe("readJson", () => {
  it("parses and validates", async () => {
    expect(await readJson(request('{"name":"Ada"}'), schema)).toEqual({ name: "Ada" });
    expect(await readJson(request('{"name":"Ada"}', "text/plain"), schema)).toEqual({ name: "Ada" });
  });

  it("refuses malformed JSON, empty bodies, wrong shapes, forms and oversized bodies with clear codes", async () => {
    expect((await failure(readJson(request("{"), schema))).code).toBe("invalid_input");
    expect((await failure(readJson(request(""), schema))).code).toBe("invalid_input");
    const wrong = await failure(readJson(request('{"name": 3}'), schema));
    expect(Object.keys(wrong.fields ?? {})).toEqual(["name"]);
    expect((await failure(readJson(request("a=b", "application/x-www-form-urlencoded"), schema))).code).toBe(
      "unsupported_media_type",
    );
    expect((await failure(readJson(request(JSON.stringify({ name: "x".repeat(2000) })), schema, 1000))).code).toBe(
      "too_large",
    );
  });
});

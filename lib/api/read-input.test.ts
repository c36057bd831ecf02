import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonDepth, MAX_JSON_DEPTH, readJson } from "./read-input";

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

  it("refuses JSON nested deeper than the limit, without recursing into it", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    expect((await failure(readJson(request(deep), schema))).code).toBe("invalid_input");
    const deepObject = '{"name":'.repeat(MAX_JSON_DEPTH + 1) + '"x"' + "}".repeat(MAX_JSON_DEPTH + 1);
    expect((await failure(readJson(request(deepObject), schema))).message).toMatch(/deeper than/);
    const atLimit = z.object({ name: z.string(), nested: z.unknown() });
    const nested = "[".repeat(MAX_JSON_DEPTH - 1) + "]".repeat(MAX_JSON_DEPTH - 1);
    expect(await readJson(request(`{"name":"Ada","nested":${nested}}`), atLimit)).toMatchObject({ name: "Ada" });
  });

  it("measures depth outside strings only", () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth(JSON.stringify({ text: '[[[[{{{{\\"[[[' }))).toBe(1);
    expect(jsonDepth('"plain"')).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { signInVerdict, type SignInCounts } from "./sign-in-limits";

const none: SignInCounts = { pair: 0, address: 0, email: 0, device: null, addressKnown: true };
const verdict = (counts: Partial<SignInCounts>) => signInVerdict({ ...none, ...counts }, 10);

describe("signInVerdict", () => {
  it("refuses an address that keeps failing for this email", () => {
    expect(verdict({ pair: 9, email: 9 })).toBe("allow");
    expect(verdict({ pair: 10, email: 10 })).toBe("block");
  });

  it("only slows a fresh address when the email is failing elsewhere", () => {
    expect(verdict({ email: 500 })).toBe("slow");
  });

  it("refuses an address failing across many emails only when the address is really known", () => {
    expect(verdict({ address: 50 })).toBe("block");
    expect(verdict({ address: 50, addressKnown: false })).toBe("allow");
  });

  it("judges a browser that signed in before by its own failures alone", () => {
    expect(verdict({ pair: 99, email: 99, address: 999, device: 0 })).toBe("allow");
    expect(verdict({ device: 10 })).toBe("block");
  });
});

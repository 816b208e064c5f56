import { describe, expect, it, vi } from "vitest";
import { contextAs, testDatabase, unique } from "@/test/db";
import type * as generateModule from "../codes/generate";
import { generateCode } from "../codes/generate";
import { hashCode } from "../codes/secrecy";
import { testPass } from "../test-fixtures";
import { issueElectronicPass } from "./issue-electronic";
import { electronicPlan, storedPass } from "./test-helpers";

vi.mock("../codes/generate", async (importOriginal) => {
  const real = await importOriginal<typeof generateModule>();
  return { ...real, generateCode: vi.fn(real.generateCode) };
});

testDatabase();

describe("code collisions", () => {
  it("redraws a code already held by a pass of another plan", async () => {
    const ctx = await contextAs("support");
    const other = await electronicPlan(ctx);
    const plan = await electronicPlan(ctx);
    const { code: taken } = await testPass(ctx, other);
    vi.mocked(generateCode).mockReturnValueOnce(taken).mockReturnValueOnce(taken);
    const issued = await issueElectronicPass(ctx, { planId: plan.id, recipient: { email: `${unique()}@example.com` }, valueMinor: 1_000 });
    const pass = await storedPass(ctx, issued.passId);
    expect(pass.codeHash).not.toBe(hashCode(taken));
    expect(vi.mocked(generateCode).mock.results.length).toBeGreaterThanOrEqual(3);
  });
});

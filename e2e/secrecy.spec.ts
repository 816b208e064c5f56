import { asc, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { lots, passes } from "@/db/schema";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { activatePassPlan } from "@/server/domain/pass-plans/states";
import { electronicTopUpInput, printedGiftInput } from "@/server/domain/pass-plans/test-fixtures";
import { activatePass } from "@/server/domain/passes/actions/activate";
import { cancelPass } from "@/server/domain/passes/actions/cancel";
import { changePassExpiry } from "@/server/domain/passes/actions/expiry";
import { passcodeFormatSchema, type PasscodeFormat } from "@/server/domain/passes/codes/format";
import { decryptCode } from "@/server/domain/passes/codes/secrecy";
import { issueElectronicPass } from "@/server/domain/passes/issue/issue-electronic";
import { checkRedemption } from "@/server/domain/passes/redeem/check";
import { expect, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

interface Known {
  passId: string;
  code: string;
  /** The code without prefix, suffix and check character. */
  random: string;
  mask: string;
}

/** Every pass of the plan with its code, decrypted here as only the delivery may; in id order, as the lot page lists them. */
async function passesWithCodes(domain: DomainContext, planId: string, format: PasscodeFormat): Promise<Known[]> {
  const rows = await domain.db.select().from(passes).where(eq(passes.planId, planId)).orderBy(asc(passes.id));
  return rows.map((row) => {
    const code = decryptCode(row.codeCiphertext);
    return { passId: row.id, code, random: code.slice(format.prefix.length, format.prefix.length + format.length), mask: row.codeMask };
  });
}

/** The page's HTML (markup and hydration data) holds the expected masks and no code, whole or its random part alone. */
async function expectMasksButNoCode(page: Page, codes: Known[], masks: string[]) {
  const html = await page.content();
  for (const mask of masks) expect(html, `the page shows ${mask}`).toContain(mask);
  const text = html.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, "");
  const leaked = codes.filter((k) => text.includes(k.code) || text.includes(k.random)).map((k) => `${k.mask} (pass ${k.passId})`);
  expect(leaked, `plain codes in the HTML of ${page.url()}`).toEqual([]);
}

test("no back-office page shows a plain passcode: lot, pass and timeline, audit log, messages", async ({ page, domain }) => {
  test.setTimeout(120_000);
  const tag = uniqueName("secrecy").replace(/\s+/g, "-");
  const person: DomainContext = { ...domain, actor: systemActor(tag) };
  const printedFormat = passcodeFormatSchema.parse({ charset: "ALPHANUMERIC", length: 12, prefix: "E2", checkCharacter: true });
  const egiftFormat = passcodeFormatSchema.parse({ charset: "ALPHANUMERIC", length: 12, prefix: "E3", checkCharacter: true });

  const printed = await createPassPlan(person, printedGiftInput("EUR", { name: uniqueName("Secrecy lot"), quantity: 60, maxPasses: 100, passcodeFormat: printedFormat }));
  await activatePassPlan(person, { id: printed.id });
  const lotOf = async () => (await domain.db.select().from(lots).where(eq(lots.planId, printed.id)))[0];
  await expect.poll(async () => (await lotOf())?.generationState, { timeout: 60_000 }).toBe("COMPLETED");
  const lot = (await lotOf())!;
  const printedCodes = await passesWithCodes(domain, printed.id, printedFormat);
  expect(printedCodes).toHaveLength(60);

  const [first, refused, cancelled] = printedCodes as [Known, Known, Known];
  await expect(checkRedemption(person, { code: refused.code })).rejects.toMatchObject({ code: "PASS_NOT_ACTIVE" });
  await activatePass(person, { passId: cancelled.passId });
  await changePassExpiry(person, { passId: cancelled.passId, expiresAt: new Date(Date.now() + 400 * 86_400_000) });
  await cancelPass(person, { passId: cancelled.passId, reason: "Card lost before sale" });

  const electronic = await createPassPlan(person, electronicTopUpInput("EUR", { name: uniqueName("Secrecy eGift"), passcodeFormat: egiftFormat }));
  await activatePassPlan(person, { id: electronic.id });
  const recipient = `${tag.toLowerCase()}@example.com`;
  const issued = await issueElectronicPass(person, { planId: electronic.id, recipient: { email: recipient }, valueMinor: 2_000 });
  const codes = [...printedCodes, ...(await passesWithCodes(domain, electronic.id, egiftFormat))];
  expect(codes).toHaveLength(61);

  await page.goto(`/passes/lots/${lot.id}`);
  await expect(page.getByRole("heading", { name: `${printed.name} · lot 1` })).toBeVisible();
  const lotTable = page.getByRole("table", { name: "Passes of the lot" });
  await expect(lotTable.getByRole("row")).toHaveCount(51);
  await expect(lotTable.getByRole("row").nth(1)).toContainText(first.mask);
  await expectMasksButNoCode(page, codes, [first.mask, refused.mask, cancelled.mask]);

  for (const shown of [refused, cancelled]) {
    await page.goto(`/passes/${shown.passId}`);
    await expect(page.getByRole("heading", { level: 1, name: `Pass ${shown.mask}` })).toBeVisible();
    await expect(page.getByRole("list", { name: "Pass timeline" })).toContainText(shown === cancelled ? "Cancelled" : "Redemption refused");
    await expectMasksButNoCode(page, codes, [shown.mask]);
  }
  await page.goto(`/passes/${issued.passId}`);
  await expect(page.getByRole("heading", { level: 1, name: `Pass ${issued.codeMask}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Pass timeline" })).toContainText("Issued");
  await expectMasksButNoCode(page, codes, [issued.codeMask]);

  await page.goto("/settings/audit");
  await page.getByLabel("Actor").fill(tag);
  const audit = page.getByRole("table", { name: "Audit entries" });
  await expect(audit.getByRole("row").filter({ hasText: "pass.redemption_refused" })).toContainText(refused.mask);
  await expect(audit.getByRole("row").filter({ hasText: "pass.issued" })).toContainText(issued.codeMask);
  await expectMasksButNoCode(page, codes, [refused.mask, issued.codeMask]);

  await page.goto("/messages");
  await page.getByLabel("Recipient").fill(recipient);
  await expect(page.getByRole("table", { name: "Messages" }).getByRole("row").nth(1)).toContainText(issued.codeMask);
  await expectMasksButNoCode(page, codes, [issued.codeMask]);
});

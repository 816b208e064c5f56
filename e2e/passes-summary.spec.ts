import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { passes } from "@/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { createContact } from "@/server/domain/contacts/create";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { activatePassPlan } from "@/server/domain/pass-plans/states";
import { electronicTopUpInput } from "@/server/domain/pass-plans/test-fixtures";
import { decryptCode } from "@/server/domain/passes/codes/secrecy";
import { issueElectronicPass } from "@/server/domain/passes/issue/issue-electronic";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { expect, ownCurrency, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("finance") });

/** A top-up plan with three passes (40.00, 25.00, 10.00); the 25.00 one redeemed. */
async function seedPlan(domain: DomainContext) {
  const currency = await ownCurrency(domain);
  const plan = await createPassPlan(domain, electronicTopUpInput(currency, { name: uniqueName("Summary top-up") }));
  await activatePassPlan(domain, { id: plan.id });
  const tag = uniqueName("s").replace(/\s+/g, "").toLowerCase();
  const contact = await createContact(domain, { firstName: "Finn", lastName: "Summary", email: `${tag}.finn@example.com` });
  const issued = [];
  for (const valueMinor of [4000, 2500, 1000]) {
    const owner = valueMinor === 2500 ? { contactId: contact.id } : { recipient: { email: `${tag}.${valueMinor}@example.com` } };
    issued.push(await issueElectronicPass(domain, { planId: plan.id, ...owner, valueMinor }));
  }
  const [redeemed] = await domain.db.select({ ciphertext: passes.codeCiphertext }).from(passes).where(eq(passes.id, issued[1]!.passId));
  await redeemPass(domain, { code: decryptCode(redeemed!.ciphertext), contactId: contact.id });
  return { plan, currency };
}

test("a finance user filters the Passes Summary by a plan, sees its totals and downloads the CSV", async ({ page, domain }) => {
  const { plan, currency } = await seedPlan(domain);

  await page.goto("/reports");
  await page.getByRole("link", { name: /Passes Summary/ }).click();
  await expect(page).toHaveURL("/reports/passes-summary");
  await expect(page.getByRole("heading", { level: 1, name: "Passes Summary" })).toBeVisible();

  await page.getByLabel("Plan", { exact: true }).selectOption({ label: plan.name });
  const table = page.getByRole("table", { name: "Passes", exact: true });
  await expect(table.getByRole("row")).toHaveCount(1 + 3);
  await expect(table.getByRole("row").filter({ hasText: "Finn Summary" })).toContainText("Redeemed");
  await expect(page.getByText("1–3 of 3")).toBeVisible();

  const totals = page.getByRole("table", { name: "Totals per currency" });
  const currencyRow = totals.getByRole("row").filter({ has: page.getByRole("rowheader", { name: currency }) });
  const amount = (decimal: string) => new RegExp(`^${currency}\\s*${decimal.replace(".", "\\.")}$`);
  await expect(currencyRow.getByRole("cell")).toHaveText(["3", amount("75.00"), amount("25.00"), amount("50.00")]);
  await expect(totals.getByRole("row").filter({ hasText: "All passes" })).toContainText("3");

  await page.getByLabel("State", { exact: true }).selectOption("ACTIVE");
  await expect(table.getByRole("row")).toHaveCount(1 + 2);
  await expect(currencyRow.getByRole("cell")).toHaveText(["2", amount("50.00"), amount("0.00"), amount("50.00")]);
  await page.getByLabel("State", { exact: true }).selectOption("");
  await expect(table.getByRole("row")).toHaveCount(1 + 3);

  // A range of redemption dates: the passes redeemed in it, in redemption order.
  const header = (name: string) => table.getByRole("columnheader", { name, exact: true });
  await expect(header("Issued")).toHaveAttribute("aria-sort", "descending");
  await page.getByLabel("Date", { exact: true }).selectOption("redeemed");
  await page.getByLabel("From", { exact: true }).fill(new Date().toISOString().slice(0, 10));
  await expect(table.getByRole("row")).toHaveCount(1 + 1);
  await expect(table.getByRole("row").nth(1)).toContainText("Finn Summary");
  await expect(header("Redeemed")).toHaveAttribute("aria-sort", "descending");
  await expect(header("Issued")).not.toHaveAttribute("aria-sort", /.+/);
  await page.getByLabel("From", { exact: true }).fill("");
  await expect(table.getByRole("row")).toHaveCount(1 + 3);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^passes-summary-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toBe("pass_id,code,plan,type,state,contact_id,contact,issued_at,activated_at,redeemed_at,expires_at,currency,initial_value,redeemed_value,available_balance");
  expect(lines).toHaveLength(1 + 3);
  expect(lines.filter((line) => line.includes(",REDEEMED,"))).toEqual([expect.stringMatching(new RegExp(`,Finn Summary,.*,${currency},25\\.00,25\\.00,0\\.00$`))]);
});

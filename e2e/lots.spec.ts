import { and, eq } from "drizzle-orm";
import { lots, passes } from "@/db/schema";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { printedGiftInput } from "@/server/domain/pass-plans/test-fixtures";
import { decryptCode } from "@/server/domain/passes/codes/secrecy";
import { expect, ownCurrency, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("marketing") });

test.slow();

test("marketing activates a printed plan, watches its lot generate, activates it and watches that too, finds one pass by its code, cancels that pass and then the lot", async ({ page, domain }) => {
  const currency = await ownCurrency(domain);
  const plan = await createPassPlan(domain, printedGiftInput(currency, { name: uniqueName("Lot gift"), quantity: 1_000, maxPasses: 2_000 }));

  await page.goto(`/passes/plans/${plan.id}`);
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Activate", exact: true }).click();
  const lotItem = page.getByRole("listitem", { name: "Lot 1" });
  await expect(lotItem.getByText("Generated", { exact: true })).toBeVisible({ timeout: 60_000 });
  const [lot] = await domain.db.select().from(lots).where(eq(lots.planId, plan.id));
  await lotItem.getByRole("link", { name: "Lot 1" }).click();
  await expect(page).toHaveURL(`/passes/lots/${lot!.id}`);
  await expect(page.getByRole("heading", { name: `${plan.name} · lot 1` })).toBeVisible();
  const drafts = page.getByRole("definition").first();
  await expect(drafts).toHaveText("1,000");
  await expect(page.getByRole("table", { name: "Passes of the lot" }).getByRole("row")).toHaveCount(51);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("51–100 of 1000")).toBeVisible();

  await page.getByRole("button", { name: "Activate all" }).click();
  await page.getByRole("button", { name: "Activate all passes" }).click();
  await expect(page.getByText("Lot 1: activating 1,000 passes in the background.")).toBeVisible();
  // The worker activates the lot in batches; the page follows its progress to the end.
  await expect(page.getByText(/^1,000 passes activated · /)).toBeVisible({ timeout: 60_000 });
  await expect(drafts).toHaveText("0");
  await expect(page.getByRole("table", { name: "Passes of the lot" }).getByRole("row").nth(1)).toContainText("Active");

  const [pass] = await domain.db.select().from(passes).where(and(eq(passes.lotId, lot!.id), eq(passes.lotSeq, 42)));
  await page.getByLabel("Exact code").fill(decryptCode(pass!.codeCiphertext));
  await page.getByRole("button", { name: "Find" }).click();
  const table = page.getByRole("table", { name: "Passes of the lot" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText(pass!.codeMask);
  await expect(table.getByRole("row").nth(1)).toContainText("Active");

  // One damaged card comes out of circulation on its own page.
  await table.getByRole("link", { name: pass!.codeMask }).click();
  await expect(page.getByRole("heading", { name: `Pass ${pass!.codeMask}` })).toBeVisible();
  await page.getByRole("button", { name: "Cancel pass" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel pass" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { name: `${plan.name} · lot 1` })).toBeVisible();

  await page.getByRole("button", { name: "Cancel all" }).click();
  await page.getByRole("button", { name: "Cancel all passes" }).click();
  await expect(page.getByText("Lot 1: cancelling 999 passes in the background.")).toBeVisible();
  await expect(page.getByText(/^999 passes cancelled · /)).toBeVisible({ timeout: 60_000 });
  await page.getByLabel("State", { exact: true }).selectOption("CANCELLED");
  await expect(page.getByText("1–50 of 1000")).toBeVisible();
});

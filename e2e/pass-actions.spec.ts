import { addDays, format } from "date-fns";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { activatePassPlan } from "@/server/domain/pass-plans/states";
import { electronicTopUpInput } from "@/server/domain/pass-plans/test-fixtures";
import { issueElectronicPass } from "@/server/domain/passes/issue/issue-electronic";
import { expect, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("support") });

test("a support user opens a pass, changes its expiry, cancels it after confirming, and sees both in the timeline", async ({ page, domain }) => {
  const plan = await createPassPlan(domain, electronicTopUpInput("EUR", { name: uniqueName("Pass actions plan") }));
  await activatePassPlan(domain, { id: plan.id });
  const tag = uniqueName("r").replace(/\s+/g, "").toLowerCase();
  const pass = await issueElectronicPass(domain, { planId: plan.id, recipient: { email: `bo.${tag}@example.com`, name: "Bo" }, valueMinor: 4000 });

  await page.goto(`/passes/${pass.passId}`);
  await expect(page.getByRole("heading", { level: 1, name: `Pass ${pass.codeMask}` })).toBeVisible();
  await expect(page.getByRole("link", { name: plan.name })).toBeVisible();
  await expect(page.getByText("€40.00").first()).toBeVisible();

  const newExpiry = addDays(new Date(), 200);
  await page.getByRole("button", { name: "Change expiry" }).click();
  const expiryDialog = page.getByRole("dialog", { name: "Change expiry" });
  await expiryDialog.getByLabel("Expires on").fill(format(addDays(new Date(), -3), "yyyy-MM-dd"));
  await expiryDialog.getByRole("button", { name: "Save expiry" }).click();
  await expect(expiryDialog.getByText("The expiry must be in the future.")).toBeVisible();
  await expiryDialog.getByLabel("Expires on").fill(format(newExpiry, "yyyy-MM-dd"));
  await expiryDialog.getByRole("button", { name: "Save expiry" }).click();
  await expect(expiryDialog).toBeHidden();
  await expect(page.getByText(format(newExpiry, "d MMM yyyy")).first()).toBeVisible();

  await page.getByRole("button", { name: "Cancel pass" }).click();
  const confirm = page.getByRole("dialog", { name: "Cancel this pass?" });
  await expect(confirm).toContainText(pass.codeMask);
  await confirm.getByLabel("Reason (optional)").fill("Customer reported it stolen");
  await confirm.getByRole("button", { name: "Cancel pass" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(`Pass ${pass.codeMask} is cancelled.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel pass" })).toBeHidden();

  const timeline = page.getByRole("list", { name: "Pass timeline" });
  await expect(timeline.getByRole("listitem").first()).toContainText("Cancelled");
  await expect(timeline).toContainText("Reason: Customer reported it stolen");
  await expect(timeline).toContainText("Expiry changed");
  await expect(timeline).toContainText("Issued");
  await expect(timeline).toContainText("support@");
});

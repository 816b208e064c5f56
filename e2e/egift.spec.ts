import { createPassPlan } from "@/server/domain/pass-plans/create";
import { electronicTopUpInput } from "@/server/domain/pass-plans/test-fixtures";
import { activatePassPlan } from "@/server/domain/pass-plans/states";
import { expect, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("support") });

test("a support user issues an eGift, re-sends it to a corrected address, and both messages arrive in the outbox", async ({ page, domain }) => {
  const name = uniqueName("eGift plan");
  const plan = await createPassPlan(
    domain,
    electronicTopUpInput("EUR", {
      name,
      communicationTemplate: { channels: ["EMAIL"], emailSubject: "A gift for {{name}}", emailBody: "Hello {{name}}, your code is {{code}} and it is worth {{value}}." },
    }),
  );
  await activatePassPlan(domain, { id: plan.id });
  const tag = uniqueName("r").replace(/\s+/g, "").toLowerCase();
  const typo = `ann.${tag}@exmaple.com`;
  const corrected = `ann.${tag}@example.com`;

  await page.goto(`/passes/plans/${plan.id}`);
  await page.getByRole("link", { name: "Issue eGift" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Issue eGift" })).toBeVisible();
  await expect(page.getByLabel("Pass plan")).toHaveValue(plan.id);
  await page.getByLabel("Value (EUR)").fill("5");
  await page.getByLabel("Recipient email").fill(typo);
  await page.getByLabel("Recipient name").fill("Ann");
  await page.getByRole("button", { name: "Issue eGift" }).click();
  await expect(page.getByText("The value is outside the plan's range.")).toBeVisible();
  await page.getByLabel("Value (EUR)").fill("42.50");
  await page.getByRole("button", { name: "Issue eGift" }).click();

  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: /^eGift / }) });
  await expect(card).toContainText(`Email to ${typo}`);
  await expect(card).toContainText("€42.50");
  const title = await card.getByRole("heading", { name: /^eGift / }).textContent();
  const lastFour = title!.slice(-4);

  await card.getByRole("button", { name: "Re-send eGift" }).click();
  const dialog = page.getByRole("dialog", { name: /^Re-send eGift/ });
  await expect(dialog.getByLabel("Recipient email")).toHaveValue(typo);
  await dialog.getByLabel("Recipient email").fill(corrected);
  await dialog.getByRole("button", { name: "Re-send" }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText(`Email to ${corrected}`);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Passes" }).click();
  await page.getByRole("link", { name: "Messages", exact: true }).click();
  const log = page.getByRole("table", { name: "Messages" });
  await page.getByLabel("Recipient").fill(`ann.${tag}`);
  await expect(log.getByRole("row").filter({ hasText: "Pass re-send" })).toContainText(corrected);
  await expect(log.getByRole("row").filter({ hasText: "Pass delivery" })).toContainText(typo);
  await expect(log).not.toContainText("code is");

  await page.getByRole("link", { name: "Captured outbox" }).click();
  const outbox = page.getByRole("list", { name: "Captured messages" });
  for (const to of [typo, corrected]) {
    const message = outbox.getByRole("listitem").filter({ hasText: `To ${to}` });
    await expect(message).toContainText("A gift for Ann");
    await expect(message).toContainText(new RegExp(`your code is \\S*${lastFour} and it is worth €42\\.50`));
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Passes" }).click();
  await page.getByRole("link", { name: "Messages", exact: true }).click();
  await page.getByLabel("Recipient").fill(`ann.${tag}`);
  await expect(log.getByRole("row").filter({ hasText: "Pass re-send" })).toContainText("Sent");
});

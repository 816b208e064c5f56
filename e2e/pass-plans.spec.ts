import { randomInt } from "node:crypto";
import { DomainError } from "@/server/domain/errors";
import { createCurrency } from "@/server/domain/network/currencies";
import { expect, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("marketing") });

test("a marketing user creates a printed gift plan of 1,000 passes, activates it and copies it", async ({ page, domain }) => {
  let currency = "";
  while (!currency) {
    const code = Array.from({ length: 3 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[randomInt(26)]).join("");
    currency = await createCurrency(domain, { code, name: `Playwright ${code}`, minorUnits: 2, isBusinessCurrency: false }).then(
      (c) => c.code,
      (err: unknown) => {
        if (err instanceof DomainError) return "";
        throw err;
      },
    );
  }
  const name = uniqueName("Printed gift");

  await page.goto("/passes");
  await page.getByRole("link", { name: "New pass plan" }).click();
  await expect(page.getByRole("heading", { name: "New pass plan" })).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await page.getByRole("combobox", { name: "Type" }).selectOption("GIFT");
  await page.getByRole("combobox", { name: "Distribution" }).selectOption("PRINTED");
  await page.getByRole("combobox", { name: "Currency" }).selectOption(currency);
  await page.getByRole("combobox", { name: "Value", exact: true }).selectOption("VARIABLE");
  await page.getByRole("textbox", { name: "Minimum value" }).fill("50");
  await page.getByRole("textbox", { name: "Maximum value" }).fill("10");
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("1000");
  await page.getByRole("spinbutton", { name: "Maximum passes" }).fill("1000");
  await expect(page.getByTestId("code-space")).toContainText("Code space OK");
  await page.getByRole("button", { name: "Create pass plan" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The minimum is more than the maximum." })).toBeVisible();

  await page.getByRole("combobox", { name: "Value", exact: true }).selectOption("FIXED");
  await page.getByRole("textbox", { name: "Amount" }).fill("25.00");
  await page.getByRole("button", { name: "Create pass plan" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  const settings = page.getByRole("region", { name: "Settings" }).or(page.locator("section", { hasText: "Settings" }));
  await expect(settings.getByText("1,000", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Activate" }).click();
  const dialog = page.getByRole("dialog", { name: "Activate this plan?" });
  await expect(dialog).toContainText("first lot of 1,000 passes");
  await dialog.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Deactivate" })).toBeVisible();
  // The confirmation toast sits over the header's buttons, and a pointer on it keeps it open:
  // clicking Copy under it waited for the whole test timeout in one CI run.
  await expect(page.getByText(`${name} is active.`)).toBeHidden();

  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("heading", { name: `Copy of ${name}` })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();

  await page.goto("/passes");
  await page.getByRole("combobox", { name: "State" }).selectOption("DRAFT");
  await expect(page.getByRole("table", { name: "Pass plans" }).getByRole("link", { name: `Copy of ${name}` })).toBeVisible();
});

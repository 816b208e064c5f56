import { expect, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

test("admin creates a merchant, a venue under it and a terminal under the venue", async ({ page }) => {
  const merchant = uniqueName("Merchant");
  const venue = uniqueName("Venue");
  const terminalId = `T-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

  await page.goto("/settings");
  await page.getByRole("link", { name: /Organisations/ }).click();
  await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New merchant" }).click();
  const merchantDialog = page.getByRole("dialog", { name: "New merchant" });
  await merchantDialog.getByRole("button", { name: "Create merchant" }).click();
  await expect(merchantDialog.getByText("Enter a name.")).toBeVisible();
  await merchantDialog.getByLabel("Merchant name").fill(merchant);
  await merchantDialog.getByRole("button", { name: "Create merchant" }).click();
  await expect(merchantDialog).toBeHidden();

  await page.getByRole("searchbox", { name: "Search merchants" }).fill(merchant);
  const merchants = page.getByRole("table", { name: "Merchants" });
  await expect(merchants.getByRole("row", { name: new RegExp(merchant) })).toBeVisible();
  await merchants.getByRole("button", { name: `Show venues of ${merchant}` }).click();
  await expect(page.getByRole("heading", { name: `Venues of ${merchant}` })).toBeVisible();
  await expect(page.getByText(`${merchant} has no venues yet`)).toBeVisible();

  await page.getByRole("button", { name: "New venue" }).click();
  const venueDialog = page.getByRole("dialog", { name: `New venue of ${merchant}` });
  await venueDialog.getByLabel("Venue name").fill(venue);
  await venueDialog.getByRole("button", { name: "Create venue" }).click();
  await expect(venueDialog).toBeHidden();

  const venues = page.getByRole("table", { name: "Venues" });
  await expect(venues.getByRole("row", { name: new RegExp(venue) })).toBeVisible();
  await venues.getByRole("button", { name: `Add terminal to ${venue}` }).click();
  const terminalDialog = page.getByRole("dialog", { name: `Add a terminal to ${venue}` });
  await terminalDialog.getByLabel("Terminal id").fill(terminalId);
  await terminalDialog.getByRole("button", { name: "Add terminal" }).click();
  await expect(terminalDialog).toBeHidden();

  await expect(venues.getByRole("list", { name: `Terminals of ${venue}` })).toContainText(terminalId);
  await expect(merchants.getByRole("button", { name: `Show venues of ${merchant}` })).toHaveText("1 venue");

  // The merchant is found by a terminal id anywhere under it.
  await page.getByRole("searchbox", { name: "Search merchants" }).fill(terminalId);
  await expect(merchants.getByRole("row", { name: new RegExp(merchant) })).toBeVisible();
});

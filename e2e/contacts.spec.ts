import { randomInt } from "node:crypto";
import { createContact } from "@/server/domain/contacts/create";
import { expect, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("support") });

test("support finds a contact by phone, blocks spending with a reason, then unblocks it", async ({ page, domain }) => {
  const lastName = uniqueName("Okafor").replace(/\s+/g, "-");
  const phone = `+44 7${randomInt(100_000_000, 999_999_999)}`;
  await createContact(domain, { firstName: "Ada", lastName, phone });

  await page.goto("/contacts");
  await page.getByLabel("Search contacts").fill(phone.replace(/\s+/g, ""));
  const contacts = page.getByRole("table", { name: "Contacts" });
  await expect(contacts.getByRole("row")).toHaveCount(2);
  await contacts.getByRole("link", { name: `Ada ${lastName}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Ada ${lastName}` })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(`Ada ${lastName}`);
  await expect(page.getByRole("list", { name: "Identities" })).toContainText(phone.replace(/\s+/g, ""));

  await page.getByRole("button", { name: "Block spending" }).click();
  const blockDialog = page.getByRole("dialog", { name: "Block spending" });
  await blockDialog.getByRole("button", { name: "Block spending" }).click();
  await expect(blockDialog.getByText("Give a reason.")).toBeVisible();
  await blockDialog.getByLabel("Reason").fill("Card reported stolen by the customer");
  await blockDialog.getByRole("button", { name: "Block spending" }).click();
  await expect(blockDialog).toBeHidden();

  const spending = page.locator("section").filter({ has: page.getByRole("heading", { name: "Spending", exact: true }) });
  await expect(spending).toContainText("Spending blocked");
  await expect(spending).toContainText("Card reported stolen by the customer");
  await expect(spending).toContainText("support@");

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Contacts" }).click();
  await page.getByLabel("Search contacts").fill(phone);
  await expect(contacts.getByRole("row").nth(1)).toContainText("Spending blocked");
  await contacts.getByRole("link", { name: `Ada ${lastName}` }).click();

  await page.getByRole("button", { name: "Unblock spending" }).click();
  const unblockDialog = page.getByRole("dialog", { name: "Unblock spending" });
  await unblockDialog.getByLabel("Reason").fill("The card was found");
  await unblockDialog.getByRole("button", { name: "Unblock spending" }).click();
  await expect(unblockDialog).toBeHidden();
  await expect(spending).toContainText("Spending allowed");
  await expect(page.getByRole("button", { name: "Block spending" })).toBeVisible();
});

test("a contact id that names no contact shows the not-found page", async ({ page }) => {
  await page.goto("/contacts/01900000-0000-7000-8000-000000000000");
  await expect(page.getByText("Contact not found", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Back to contacts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
});

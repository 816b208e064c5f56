import type { DomainContext } from "@/server/domain/context";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { contactAndGiftPlan, expect, issuedWithCode, storageStateOf, test } from "./fixtures";

test.use({ storageState: storageStateOf("support") });

/** An electronic gift pass of the plan, issued to the email, with its plain code (decrypted as only delivery may). */
const giftPass = (domain: DomainContext, planId: string, email: string, valueMinor: number) =>
  issuedWithCode(domain, { planId, recipient: { email, name: "Ada" }, valueMinor });

test("a support user redeems a gift pass for a contact from the back office and sees the wallet balance and statement change", async ({ page, domain }) => {
  const { contact, plan, email, contactName } = await contactAndGiftPlan(domain, { firstName: "Ada", lastName: "Wallet" });
  const earlier = await giftPass(domain, plan.id, email, 1500);
  await redeemPass(domain, { code: earlier.code, contactId: contact.id });
  const pass = await giftPass(domain, plan.id, email, 4000);

  await page.goto(`/contacts/${contact.id}`);
  const walletCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "Wallet", exact: true }) });
  await expect(walletCard).toContainText("€15.00 available");
  await walletCard.getByRole("link", { name: "Redeem a pass" }).click();

  await expect(page).toHaveURL(new RegExp(`/passes/redeem\\?contactId=${contact.id}$`));
  await expect(page.getByLabel("Contact id")).toHaveValue(contact.id);
  await page.getByLabel("Pass code").fill(pass.code);
  await page.getByRole("button", { name: "Check pass" }).click();
  await expect(page.getByRole("status").filter({ hasText: "can be redeemed" })).toContainText(pass.codeMask);
  await page.getByRole("button", { name: "Redeem pass" }).click();
  const confirm = page.getByRole("dialog", { name: "Redeem this pass?" });
  await confirm.getByRole("button", { name: "Redeem" }).click();
  await expect(confirm).toBeHidden();
  const result = page.getByRole("status").filter({ hasText: "was redeemed" });
  await expect(result).toContainText("Credited €40.00 to the wallet. New available balance: €55.00.");
  await result.getByRole("link", { name: "Open the contact's wallet" }).click();

  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}/wallet$`));
  await expect(page.getByRole("heading", { level: 1, name: `Wallet of ${contactName}` })).toBeVisible();
  const balances = page.getByRole("region", { name: "Balances EUR" });
  await expect(balances).toContainText("Available€55.00");
  await expect(balances).toContainText("Held€0.00");
  await expect(page.getByRole("table", { name: "Pockets EUR" })).toContainText("Business pocket€55.00");

  const statement = page.getByRole("table", { name: "Statement" });
  const rows = statement.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Pass redemption");
  await expect(rows.nth(1)).toContainText("€40.00");
  await expect(rows.nth(1).getByRole("cell").last()).toHaveText("€55.00");
  await expect(rows.nth(2).getByRole("cell").last()).toHaveText("€15.00");
  await expect(page.getByRole("table", { name: "Credit lots" }).getByRole("row")).toHaveCount(3);

  await page.getByLabel("Type").selectOption("HOLD");
  await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
  await page.getByLabel("Type").selectOption("PASS_REDEMPTION");
  await expect(rows).toHaveCount(3);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const lines = (await readFile(csv, "utf8")).trimEnd().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[2]!.split(",").slice(9, 12)).toEqual(["40.00", "55.00", "55.00"]);
});

test.describe("as finance", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("a finance user adjusts a wallet with a mandatory reason after confirming, and the statement shows the adjustment", async ({ page, domain }) => {
    const { contact, plan, email } = await contactAndGiftPlan(domain, { firstName: "Fin", lastName: "Adjust" });
    const gift = await giftPass(domain, plan.id, email, 2000);
    await redeemPass(domain, { code: gift.code, contactId: contact.id });

    await page.goto(`/contacts/${contact.id}/wallet`);
    await expect(page.getByRole("link", { name: "Redeem a pass" })).toHaveCount(0);
    await page.getByRole("button", { name: "Adjust balance" }).click();
    const dialog = page.getByRole("dialog", { name: "Adjust balance" });
    await dialog.getByLabel("Direction").selectOption("debit");
    await dialog.getByLabel("Amount (EUR)").fill("7.25");
    await dialog.getByRole("button", { name: "Review adjustment" }).click();
    await expect(dialog.getByText("Give a reason of at least 5 characters.")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Goodwill correction of a double credit");
    await dialog.getByRole("button", { name: "Review adjustment" }).click();
    await expect(dialog.getByRole("status")).toContainText("Debit €7.25 from the pockets?");
    await dialog.getByRole("button", { name: "Confirm adjustment" }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByRole("region", { name: "Balances EUR" })).toContainText("Available€12.75");
    const first = page.getByRole("table", { name: "Statement" }).getByRole("row").nth(1);
    await expect(first).toContainText("Adjustment");
    await expect(first).toContainText("Goodwill correction of a double credit");
    await expect(first.getByRole("cell").last()).toHaveText("€12.75");
  });

  test("a finance user credits the open funds through the dialog, and a debit beyond the available open funds is refused", async ({ page, domain }) => {
    const { contact, plan, email } = await contactAndGiftPlan(domain, { firstName: "Olga", lastName: "Open" });
    const gift = await giftPass(domain, plan.id, email, 2000);
    await redeemPass(domain, { code: gift.code, contactId: contact.id });

    await page.goto(`/contacts/${contact.id}/wallet`);
    const dialog = page.getByRole("dialog", { name: "Adjust balance" });
    await page.getByRole("button", { name: "Adjust balance" }).click();
    await dialog.getByLabel("Amount (EUR)").fill("5");
    await dialog.getByLabel("Funds").selectOption({ label: "Open funds (€0.00 available)" });
    await dialog.getByLabel("Reason").fill("Cash refund owed from the old till");
    await dialog.getByRole("button", { name: "Review adjustment" }).click();
    await expect(dialog.getByRole("status")).toContainText("Credit €5.00 to the open funds?");
    await dialog.getByRole("button", { name: "Confirm adjustment" }).click();
    await expect(dialog).toBeHidden();

    const pockets = page.getByRole("table", { name: "Pockets EUR" });
    await expect(pockets).toContainText("Open funds€5.00");
    await expect(pockets).toContainText("Business pocket€20.00");
    await expect(page.getByRole("region", { name: "Balances EUR" })).toContainText("Available€25.00");
    const first = page.getByRole("table", { name: "Statement" }).getByRole("row").nth(1);
    await expect(first).toContainText("Cash refund owed from the old till");
    await expect(first.getByRole("cell").last()).toHaveText("€25.00");

    await page.getByRole("button", { name: "Adjust balance" }).click();
    await dialog.getByLabel("Direction").selectOption("debit");
    await dialog.getByLabel("Amount (EUR)").fill("5.01");
    await dialog.getByLabel("Funds").selectOption({ label: "Open funds (€5.00 available)" });
    await dialog.getByLabel("Reason").fill("Refund paid twice");
    await dialog.getByRole("button", { name: "Review adjustment" }).click();
    await expect(dialog.getByRole("status")).toContainText("Debit €5.01 from the open funds?");
    await dialog.getByRole("button", { name: "Confirm adjustment" }).click();
    await expect(page.getByText("The available open funds are less than this adjustment takes.")).toBeVisible();
    await expect(dialog).toBeVisible();
    await expect(pockets).toContainText("Open funds€5.00");
  });
});

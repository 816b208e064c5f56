import { createContact } from "@/server/domain/contacts/create";
import { fund } from "@/server/domain/wallet/operations-test-fixtures";
import { commitApproval } from "@/server/domain/wallet/payouts/decide";
import { requestPayout } from "@/server/domain/wallet/payouts/request";
import { redeemFunds } from "@/server/domain/wallet/redeem-funds";
import { ensureWallet } from "@/server/domain/wallet/wallets";
import { expect, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("finance") });

test("a finance user approves one payout request after confirming and rejects another with a reason", async ({ page, domain }) => {
  const tag = uniqueName("p").replace(/\s+/g, "").toLowerCase();
  const name = `Payee ${tag}`;
  const contact = await createContact(domain, { firstName: "Payee", lastName: tag, email: `payee.${tag}@example.com` });
  const wallet = await ensureWallet(domain, contact.id, "EUR");
  await fund(domain, wallet, 1000);
  await redeemFunds(domain, { contactId: contact.id, currency: "EUR", amountMinor: 900 });
  await requestPayout(domain, { contactId: contact.id, currency: "EUR", amountMinor: 600 });
  await requestPayout(domain, { contactId: contact.id, currency: "EUR", amountMinor: 250 });

  await page.goto("/reports");
  await page.getByRole("link", { name: /^Payouts/ }).click();
  await expect(page).toHaveURL(/\/reports\/payouts$/);
  await expect(page.getByRole("heading", { level: 1, name: "Payouts" })).toBeVisible();
  const table = page.getByRole("table", { name: "Payout requests" });
  const row = (amount: string) => table.getByRole("row").filter({ hasText: name }).filter({ hasText: amount });
  await expect(row("€6.00")).toContainText("Requested");
  await expect(row("€6.00").getByRole("link", { name })).toHaveAttribute("href", `/contacts/${contact.id}/wallet`);

  await row("€6.00").getByRole("button", { name: "Approve" }).click();
  const approve = page.getByRole("dialog", { name: "Approve this payout?" });
  await expect(approve).toContainText("€6.00");
  await expect(approve).toContainText("payment provider");
  await approve.getByRole("button", { name: "Pay out €6.00" }).click();
  await expect(approve).toBeHidden();
  await expect(page.getByText(`Paid €6.00 to ${name}.`)).toBeVisible();
  await expect(row("€6.00")).toHaveCount(0);

  await row("€2.50").getByRole("button", { name: "Reject" }).click();
  const reject = page.getByRole("dialog", { name: "Reject this payout?" });
  await reject.getByRole("button", { name: "Reject payout" }).click();
  await expect(reject.getByText("Give a reason.")).toBeVisible();
  await reject.getByLabel("Reason").fill("Asked twice by phone");
  await reject.getByRole("button", { name: "Reject payout" }).click();
  await expect(reject).toBeHidden();
  await expect(row("€2.50")).toHaveCount(0);

  await page.getByLabel("Show").selectOption("PAID");
  await expect(row("€6.00")).toContainText("Paid");
  await page.getByLabel("Show").selectOption("REJECTED");
  await expect(row("€2.50")).toContainText("Rejected");
  await expect(row("€2.50")).toContainText("Asked twice by phone");
});

test("a payout whose provider has not answered shows as awaiting the provider", async ({ page, domain }) => {
  const tag = uniqueName("a").replace(/\s+/g, "").toLowerCase();
  const name = `Awaiting ${tag}`;
  const contact = await createContact(domain, { firstName: "Awaiting", lastName: tag, email: `awaiting.${tag}@example.com` });
  const wallet = await ensureWallet(domain, contact.id, "EUR");
  await fund(domain, wallet, 500);
  await redeemFunds(domain, { contactId: contact.id, currency: "EUR", amountMinor: 500 });
  const requested = await requestPayout(domain, { contactId: contact.id, currency: "EUR", amountMinor: 450 });
  // Approved, and the process stopped before the provider answered.
  await commitApproval(domain, { payoutId: requested.payoutId });

  await page.goto("/reports/payouts");
  await page.getByLabel("Show").selectOption("APPROVED");
  const row = page.getByRole("table", { name: "Payout requests" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("€4.50");
  await expect(row).toContainText("Awaiting the provider");
  await expect(row).toContainText("paid or returned to open funds once the provider answers");
  await expect(row.getByRole("button", { name: "Approve" })).toHaveCount(0);
});

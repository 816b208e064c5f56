import { eq } from "drizzle-orm";
import { messages } from "@/db/schema";
import type { DomainContext } from "@/server/domain/context";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { spend } from "@/server/domain/wallet/spend";
import { contactAndGiftPlan, expect, fact, issuedWithCode, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("support") });

/** A contact and a live multi-use EUR gift plan of the test's own. */
const contactAndMultiUsePlan = (domain: DomainContext, lastName: string) =>
  contactAndGiftPlan(domain, { firstName: "Ada", lastName }, { usage: "MULTIPLE", maxUses: 3 });

/** A gift pass issued to the contact, with its plain code (decrypted as only delivery may), once its eGift is sent. */
async function giftPassOf(domain: DomainContext, planId: string, contactId: string, valueMinor: number) {
  const issued = await issuedWithCode(domain, { planId, contactId, valueMinor });
  // Its eGift goes out in the background; once sent, the timeline's "Sent" cannot land after the
  // test's own steps (a slow worker made it the newest entry, above a roll-back).
  await expect
    .poll(async () => (await domain.db.select({ status: messages.status }).from(messages).where(eq(messages.passId, issued.passId)))[0]?.status, {
      timeout: 30_000,
    })
    .toBe("SENT");
  return issued;
}

test("a support user replaces a lost, partly redeemed gift pass: the old pass is cancelled and links to a new pass with the remaining value for the same contact", async ({
  page,
  domain,
}) => {
  const { contact, plan, contactName } = await contactAndMultiUsePlan(domain, "Lost");
  const lost = await giftPassOf(domain, plan.id, contact.id, 5000);
  await redeemPass(domain, { code: lost.code, contactId: contact.id, amountMinor: 1800 });

  await page.goto(`/passes/${lost.passId}`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Pass ${lost.codeMask}` }),
  ).toBeVisible();
  await expect(fact(page, "State")).toHaveText("Active");
  await expect(fact(page, "Remaining")).toHaveText("€32.00");
  await page.getByRole("button", { name: "Replace lost pass" }).click();

  const dialog = page.getByRole("dialog", { name: "Replace this lost pass?" });
  await expect(dialog).toContainText(
    `Pass ${lost.codeMask} will be cancelled and a new pass worth €32.00 issued to ${contactName}`,
  );
  await dialog.getByRole("button", { name: "Replace pass" }).click();
  await expect(dialog.getByText("Say why.")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Customer lost the card on the train");
  await dialog.getByRole("button", { name: "Replace pass" }).click();
  await expect(dialog).toBeHidden();

  await expect(page).not.toHaveURL(new RegExp(`/passes/${lost.passId}$`));
  await expect(page).toHaveURL(/\/passes\/[0-9a-f-]{36}$/);
  const replacementId = page.url().split("/").pop()!;
  const newHeading = page.getByRole("heading", { level: 1, name: /^Pass / });
  await expect(newHeading).not.toHaveText(`Pass ${lost.codeMask}`);
  await expect(fact(page, "State")).toHaveText("Active");
  await expect(fact(page, "Value")).toHaveText("€32.00");
  await expect(fact(page, "Remaining")).toHaveText("€32.00");
  await expect(fact(page, "Uses")).toHaveText("0 of 2");
  await expect(fact(page, "Contact").getByRole("link", { name: contactName })).toHaveAttribute(
    "href",
    `/contacts/${contact.id}`,
  );
  await expect(page.getByRole("list", { name: "Pass timeline" })).toContainText(
    "Issued in place of a lost pass",
  );

  await fact(page, "Replaces").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/passes/${lost.passId}$`));
  await expect(
    page.getByRole("heading", { level: 1, name: `Pass ${lost.codeMask}` }),
  ).toBeVisible();
  await expect(fact(page, "State")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Replace lost pass" })).toHaveCount(0);
  await expect(fact(page, "Replaced by").getByRole("link")).toHaveAttribute(
    "href",
    `/passes/${replacementId}`,
  );
  const timeline = page.getByRole("list", { name: "Pass timeline" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "Cancelled" })).toContainText(
    "Reason: Customer lost the card on the train",
  );
});

test("a support user rolls back a redemption whose funds are unspent: the pass is active again with its value and the wallet statement shows the reversal", async ({
  page,
  domain,
}) => {
  const { contact, plan, contactName } = await contactAndMultiUsePlan(domain, "Rollback");
  const earlier = await giftPassOf(domain, plan.id, contact.id, 1500);
  await redeemPass(domain, { code: earlier.code, contactId: contact.id });
  const pass = await giftPassOf(domain, plan.id, contact.id, 4000);
  await redeemPass(domain, { code: pass.code, contactId: contact.id });

  await page.goto(`/passes/${pass.passId}`);
  await expect(fact(page, "State")).toHaveText("Redeemed");
  await expect(fact(page, "Remaining")).toHaveText("€0.00");
  await page.getByRole("button", { name: "Roll back redemption" }).click();
  const dialog = page.getByRole("dialog", { name: "Roll back this redemption?" });
  await expect(dialog).toContainText("The redemption of €40.00 on");
  await dialog.getByLabel("Reason").fill("Redeemed on the wrong contact");
  await dialog.getByRole("button", { name: "Roll back redemption" }).click();
  await expect(dialog).toBeHidden();

  await expect(fact(page, "State")).toHaveText("Active");
  await expect(fact(page, "Remaining")).toHaveText("€40.00");
  await expect(fact(page, "Uses")).toHaveText("0 of 3");
  await expect(page.getByRole("button", { name: "Roll back redemption" })).toHaveCount(0);
  await expect(
    page.getByRole("list", { name: "Pass timeline" }).getByRole("listitem").first(),
  ).toContainText("Redemption rolled back");

  await page.goto(`/contacts/${contact.id}/wallet`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Wallet of ${contactName}` }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Balances EUR" })).toContainText("Available€15.00");
  const rows = page.getByRole("table", { name: "Statement" }).getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("Pass redemption reversed");
  await expect(rows.nth(1)).toContainText("Redeemed on the wrong contact (reversal)");
  await expect(rows.nth(1)).toContainText("-€40.00");
  await expect(rows.nth(1).getByRole("cell").last()).toHaveText("€15.00");
  await expect(rows.nth(2)).toContainText("Pass redemption");
  await expect(rows.nth(2).getByRole("cell").last()).toHaveText("€55.00");
});

test("a support user cannot roll back a redemption whose funds were spent: the refusal is shown and nothing changes", async ({
  page,
  domain,
}) => {
  const { contact, plan } = await contactAndMultiUsePlan(domain, "Spent");
  const pass = await giftPassOf(domain, plan.id, contact.id, 4000);
  await redeemPass(domain, { code: pass.code, contactId: contact.id });
  await spend(domain, {
    contactId: contact.id,
    currency: "EUR",
    amountMinor: 500,
    reference: uniqueName("order"),
  });

  await page.goto(`/passes/${pass.passId}`);
  await expect(fact(page, "State")).toHaveText("Redeemed");
  await page.getByRole("button", { name: "Roll back redemption" }).click();
  const dialog = page.getByRole("dialog", { name: "Roll back this redemption?" });
  await dialog.getByLabel("Reason").fill("Customer asked for the card back");
  await dialog.getByRole("button", { name: "Roll back redemption" }).click();
  await expect(
    page.getByText(
      "The credited funds have been used or have expired: this redemption can no longer be rolled back.",
    ),
  ).toBeVisible();
  await expect(dialog).toBeVisible();

  await page.reload();
  await expect(fact(page, "State")).toHaveText("Redeemed");
  await expect(fact(page, "Remaining")).toHaveText("€0.00");
  await expect(page.getByRole("list", { name: "Pass timeline" })).not.toContainText(
    "Redemption rolled back",
  );
  await page.goto(`/contacts/${contact.id}/wallet`);
  await expect(page.getByRole("region", { name: "Balances EUR" })).toContainText("Available€35.00");
  await expect(page.getByRole("table", { name: "Statement" })).not.toContainText(
    "Pass redemption reversed",
  );
});

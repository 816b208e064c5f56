import { createContact } from "@/server/domain/contacts/create";
import type { DomainContext } from "@/server/domain/context";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { activatePassPlan } from "@/server/domain/pass-plans/states";
import { electronicTopUpInput } from "@/server/domain/pass-plans/test-fixtures";
import { redeemPass } from "@/server/domain/passes/redeem/redeem";
import { updateWalletSettings } from "@/server/domain/wallet/settings";
import { expect, fact, issuedWithCode, ownCurrency, storageStateOf, test, uniqueName } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

/** A live electronic gift plan in the currency and one pass of it, with its plain code (decrypted as only delivery may). */
async function giftPassIn(
  domain: DomainContext,
  currency: string,
  email: string,
  valueMinor: number,
) {
  const plan = await createPassPlan(
    domain,
    electronicTopUpInput(currency, { name: uniqueName(`Gift ${currency}`), type: "GIFT" }),
  );
  await activatePassPlan(domain, { id: plan.id });
  return issuedWithCode(domain, { planId: plan.id, recipient: { email, name: "Cy" }, valueMinor });
}

/*
 * The wallet setting is global. Only a contact who already has a wallet in another currency is
 * affected by it, and no other spec redeems for such a contact, so this test does not race with
 * them; it starts from the default (off) and leaves the setting off, even when it fails.
 */
test.describe.serial("wallet settings", () => {
  test.afterEach(async ({ domain }) => {
    await updateWalletSettings(domain, { openWalletInPlanCurrency: false });
  });

  test("an admin allows a wallet in a pass plan's currency: a pass in another currency is refused for a EUR contact while off and credits a new wallet when on", async ({
    page,
    domain,
  }) => {
    await updateWalletSettings(domain, { openWalletInPlanCurrency: false });
    const currency = await ownCurrency(domain);
    const tag = uniqueName("c").replace(/\s+/g, "").toLowerCase();
    const email = `cy.${tag}@example.com`;
    const contact = await createContact(domain, {
      firstName: "Cy",
      lastName: `Currencies ${tag}`,
      email,
    });
    const euros = await giftPassIn(domain, "EUR", email, 1500);
    await redeemPass(domain, { code: euros.code, contactId: contact.id });
    const foreign = await giftPassIn(domain, currency, email, 2500);

    await page.goto("/settings");
    await page.getByRole("link", { name: /^Wallets/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Wallets" })).toBeVisible();
    const setting = page.getByRole("checkbox", {
      name: /Open a wallet in a pass plan's currency for a contact whose wallet is in another currency/,
    });
    await expect(setting).not.toBeChecked();

    const redeemForContact = async () => {
      await page.goto(`/passes/redeem?contactId=${contact.id}`);
      await page.getByLabel("Pass code").fill(foreign.code);
      await page.getByRole("button", { name: "Check pass" }).click();
      await expect(page.getByRole("status").filter({ hasText: "can be redeemed" })).toContainText(
        foreign.codeMask,
      );
      await page.getByRole("button", { name: "Redeem pass" }).click();
      const confirm = page.getByRole("dialog", { name: "Redeem this pass?" });
      await confirm.getByRole("button", { name: "Redeem" }).click();
      await expect(confirm).toBeHidden();
    };

    await redeemForContact();
    await expect(
      page.getByText(`The contact's wallet is in EUR; this pass is in ${currency}.`),
    ).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "was redeemed" })).toHaveCount(0);
    await page.goto(`/passes/${foreign.passId}`);
    await expect(
      page.getByRole("heading", { level: 1, name: `Pass ${foreign.codeMask}` }),
    ).toBeVisible();
    await expect(
      fact(page, "State")
    ).toHaveText("Active");
    await expect(
      fact(page, "Uses")
    ).toHaveText("0 of 1");
    await page.goto(`/contacts/${contact.id}/wallet`);
    await expect(page.getByRole("region", { name: "Balances EUR" })).toContainText(
      "Available€15.00",
    );
    await expect(page.getByRole("region", { name: `Balances ${currency}` })).toHaveCount(0);

    await page.goto("/settings/wallets");
    await setting.click();
    await expect(
      page.getByText("Contacts now get a wallet in a pass plan's currency."),
    ).toBeVisible();
    await page.reload();
    await expect(setting).toBeChecked();

    await redeemForContact();
    const result = page.getByRole("status").filter({ hasText: "was redeemed" });
    await expect(result).toContainText(foreign.codeMask);
    await expect(result).toContainText(
      /Credited .*25\.00 to the wallet\. New available balance: .*25\.00\./,
    );
    await result.getByRole("link", { name: "Open the contact's wallet" }).click();
    await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}/wallet$`));
    await expect(page.getByRole("region", { name: `Balances ${currency}` })).toContainText(
      /Available.*25\.00/,
    );
    await expect(page.getByRole("region", { name: "Balances EUR" })).toContainText(
      "Available€15.00",
    );

    await page.goto("/settings/wallets");
    await setting.click();
    await expect(page.getByText("Redemptions in another currency are now refused.")).toBeVisible();
    await page.reload();
    await expect(setting).not.toBeChecked();
  });
});

import { demoUsers } from "@/db/seed";
import { expect, test } from "./fixtures";

const expectedNavigation = {
  admin: ["Dashboard", "Passes", "Contacts", "Rewards", "Events", "Reports", "Settings"],
  marketing: ["Dashboard", "Passes", "Contacts", "Rewards", "Events"],
  finance: ["Dashboard", "Passes", "Contacts", "Rewards", "Events", "Reports"],
  support: ["Dashboard", "Passes", "Contacts"],
};

test.describe("signing in", () => {
  for (const user of demoUsers) {
    test(`${user.role} sees the navigation of the role`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveText(expectedNavigation[user.role]);
    });
  }

  test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("support@tessera.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not right" })).toHaveText("The email or password is not right.");
    await expect(page).toHaveURL(/sign-in/);
  });

  test("pages need a session", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/sign-in/);
  });

  test("a role without access is turned away by the server, not just the menu", async ({ browser }) => {
    const context = await browser.newContext({ storageState: "e2e/.auth/support.json" });
    const page = await context.newPage();
    await page.goto("/settings/users");
    await expect(page.getByText("Your role does not give access to this page")).toBeVisible();
    await context.close();
  });
});

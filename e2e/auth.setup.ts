import { expect, test as setup } from "@playwright/test";
import { demoUsers } from "@/db/seed";
import { storageStateOf } from "./fixtures";

for (const user of demoUsers) {
  setup(`sign in as ${user.role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(user.role) });
  });
}

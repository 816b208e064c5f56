import { describe, expect, it } from "vitest";
import { contextAs, testDatabase } from "@/test/db";
import { authenticateApiKey, createApiKey, revokeApiKey } from "./service";

testDatabase();

describe("API key authentication", () => {
  it("accepts a live key with its scopes, refuses unknown secrets, and refuses a key from the moment it is revoked", async () => {
    const admin = await contextAs("admin");
    const { secret, apiKey: key } = await createApiKey(admin, { name: "till 7", scopes: ["passes:redeem"] });
    expect(await authenticateApiKey(admin, secret)).toEqual({ id: key.id, name: "till 7", scopes: ["passes:redeem"] });
    // Authenticated again from this process's memory of it, still the same key.
    expect(await authenticateApiKey(admin, secret)).toMatchObject({ id: key.id });
    expect(await authenticateApiKey(admin, `${secret}x`)).toBeUndefined();
    expect(await authenticateApiKey(admin, "not-a-key")).toBeUndefined();

    await revokeApiKey(admin, { apiKeyId: key.id });
    expect(await authenticateApiKey(admin, secret)).toBeUndefined();
  });
});

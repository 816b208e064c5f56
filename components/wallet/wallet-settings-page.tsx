"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { toastError } from "@/components/ui/errors";
import { Checkbox } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";

/** Wallet settings (D3): whether a redemption in another currency opens a second wallet. */
export function WalletSettingsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.walletSettings.get.queryOptions());
  const update = useMutation(
    trpc.walletSettings.update.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(saved.openWalletInPlanCurrency ? "Contacts now get a wallet in a pass plan's currency." : "Redemptions in another currency are now refused.");
        await queryClient.invalidateQueries({ queryKey: trpc.walletSettings.get.queryKey() });
      },
      onError: toastError,
    }),
  );
  return (
    <>
      <PageHeader title="Wallets" description="How pass redemptions open wallets." />
      <Card title="Currencies">
        {settings.isPending ? (
          <LoadingState />
        ) : settings.isError ? (
          <ErrorState message={settings.error.message} onRetry={() => void settings.refetch()} />
        ) : (
          <label className="flex max-w-2xl items-start gap-3 text-sm">
            <Checkbox
              className="mt-0.5"
              checked={settings.data.openWalletInPlanCurrency}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ openWalletInPlanCurrency: e.target.checked })}
            />
            <span>
              <span className="font-medium text-slate-900">Open a wallet in a pass plan&apos;s currency for a contact whose wallet is in another currency</span>
              <span className="mt-1 block text-slate-600">
                When off, redeeming a gift or top-up pass for a contact whose wallet is in another currency is refused (currency mismatch).
              </span>
            </span>
          </label>
        )}
      </Card>
    </>
  );
}

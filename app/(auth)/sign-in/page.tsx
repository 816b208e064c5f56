import { redirect } from "next/navigation";
import { SignInForm } from "@/components/shell/sign-in-form";
import { getSessionActor } from "@/server/auth/session";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getSessionActor()) redirect("/dashboard");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold text-indigo-700">Tessera</h1>
        <p className="mb-6 text-sm text-slate-600">Sign in to the back office.</p>
        <SignInForm />
      </div>
    </main>
  );
}

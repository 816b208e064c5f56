export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootApp } = await import("./server/boot");
    await bootApp();
  }
}

import { downloadLotCodes } from "@/server/rest/lot-download";

export const GET = downloadLotCodes;
export const dynamic = "force-dynamic";

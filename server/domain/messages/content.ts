import { decryptCode, encryptCode } from "../passes/codes/secrecy";

/** What a message says. It may carry a plain passcode or OTP, so it is only ever stored sealed. */
export interface MessageContent {
  subject: string | null;
  body: string;
}

/**
 * The passcode cipher (AES-256-GCM, key id inside) seals the whole content: the content holds a
 * code, so it deserves exactly the protection, key and rotation of the code itself.
 */
export const sealContent = (content: MessageContent): string => encryptCode(JSON.stringify(content));

export const openContent = (ciphertext: string): MessageContent => JSON.parse(decryptCode(ciphertext)) as MessageContent;

import { uuidv7 } from "uuidv7";

/** Every id is a UUIDv7: time-ordered, so new rows append to indexes and ids sort by creation. */
export const newId = (): string => uuidv7();

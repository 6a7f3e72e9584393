import type { DeleteOrderBy, ListOrderBy } from "./types.js";

// Records keyed by the spec's enums: the compiler fails when the spec adds or drops a key.
const listOrder: Record<ListOrderBy, true> = {
  created_at: true,
  provider: true,
  model: true,
  model_type: true,
  success: true,
  cached: true,
};
const deleteOrder: Record<DeleteOrderBy, true> = {
  ...listOrder,
  cost: true,
  tokens_in: true,
  tokens_out: true,
  duration: true,
  feedback: true,
};

/** What a list may be ordered by, in the spec's order. */
export const listOrderKeys = Object.keys(listOrder) as readonly ListOrderBy[];

/** What a delete may be ordered by (which logs go first under a limit), in the spec's order. */
export const deleteOrderKeys = Object.keys(deleteOrder) as readonly DeleteOrderBy[];

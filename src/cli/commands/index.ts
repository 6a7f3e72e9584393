import type { Command } from "../command.js";
import { deleteCommand } from "./delete.js";
import { exportCommand } from "./export.js";
import { get } from "./get.js";
import { list } from "./list.js";
import { request, response } from "./payload.js";
import { sandbox } from "./sandbox.js";
import { stats } from "./stats.js";
import { tail } from "./tail.js";
import { update } from "./update.js";

/** Every command, in the order `aigw-logs --help` lists them. */
export const commands: readonly Command[] = [
  list,
  get,
  request,
  response,
  update,
  deleteCommand,
  exportCommand,
  tail,
  stats,
  sandbox,
];

import { capabilitiesOf } from "../src/core/channel.js";
import { defineCommand, t } from "../src/core/command.js";
import { STATUS_BUTTON_COMMAND } from "../src/core/status/kinds.js";
import { statusByNumber } from "../src/core/status/parse.js";
import { logRefusal, pendingReminderFor, recordAndConfirm, StatusRefusal } from "../src/core/status/record.js";

/** A payload the status buttons send: `<milestoneId> <agencyId> <1-4>` after the command name. */
const PAYLOAD = /^([a-z0-9]+(?:-[a-z0-9]+)*) ([a-z0-9]+(?:-[a-z0-9]+)*) ([1-4])$/;

/**
 * The hidden target of the status buttons on reminders and in /viec: `tt <milestoneId> <agencyId> <1-4>`.
 * The payload is checked against the content and the store like any typed update; a forged or stale
 * one is refused with a clear message and logged. On success the pressed message is edited to show
 * the recorded status, so the buttons are not pressed twice.
 */
export default defineCommand({
  name: STATUS_BUTTON_COMMAND,
  alias: "statusbutton",
  access: "everyone",
  hidden: true,
  description: { vi: "Ghi nhận trạng thái từ nút bấm", en: "Record a status from a button" },
  parse(args, ctx) {
    const m = PAYLOAD.exec(args.trim());
    if (!m) {
      const refusal = new StatusRefusal(
        t(
          ctx.lang,
          capabilitiesOf(ctx.message).buttons
            ? "Nút bấm này không hợp lệ hoặc đã cũ, nên không ghi nhận được. Xin vui lòng dùng /viec để cập nhật tiến độ."
            : "Lựa chọn này không hợp lệ hoặc đã cũ, nên không ghi nhận được. Xin vui lòng dùng /viec để cập nhật tiến độ.",
          "This choice is invalid or stale, so nothing was recorded. Please use /tasks to update the status.",
        ),
        "malformed",
      );
      logRefusal(ctx, refusal, { payload: args.slice(0, 80) });
    }
    return { milestoneId: m[1]!, agencyId: m[2]!, status: statusByNumber(Number(m[3]))! };
  },
  async run(ctx, { milestoneId, agencyId, status }) {
    // Only a real button's message can be edited; a typed number gets the confirmation alone.
    const pressed = ctx.message.payload !== undefined && capabilitiesOf(ctx.message).edits;
    const reminderKey = await pendingReminderFor(ctx, milestoneId, agencyId);
    return recordAndConfirm(ctx, { milestoneId, agencyId, status, reminderKey }, { editOriginal: pressed });
  },
});

/**
 * An error caused by what a person typed or tried to do. Its message is
 * Vietnamese, polite and safe to show to that person as it is.
 *
 * ```ts
 * throw new UserError("Mã mời không đúng hoặc đã hết hạn. Vui lòng xin mã mới từ điều phối viên.");
 * ```
 */
export class UserError extends Error {
  override readonly name: string = "UserError";
}

/** A problem in a file the program must read (config, content or data). Carries every problem found. */
export class FileProblemError extends Error {
  override readonly name = "FileProblemError";
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}\n${problems.map((p) => `  - ${p}`).join("\n")}` : message);
  }
}

/**
 * A change that could not be saved (full disk, read-only file, lost lock). The store has already put
 * its memory back as it was, so nothing of the change remains and trying again records it once.
 * The message is safe to show to the person; `detail` is for the operator's log.
 */
export class StoreWriteError extends UserError {
  override readonly name: string = "StoreWriteError";
  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super("Xin lỗi, hệ thống chưa lưu được thay đổi của anh/chị, xin thử lại sau ít phút.", options);
  }
}

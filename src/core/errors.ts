/**
 * An error caused by what a person typed or tried to do. Its message is
 * Vietnamese, polite and safe to show to that person as it is.
 *
 * ```ts
 * throw new UserError("Mã mời không đúng hoặc đã hết hạn. Vui lòng xin mã mới từ điều phối viên.");
 * ```
 */
export class UserError extends Error {
  override readonly name = "UserError";
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

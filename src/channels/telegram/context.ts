import { Context, GrammyError } from "grammy";
import type { Incoming } from "../../core/command.js";

/**
 * The bot's context: grammY's, plus the core message the update maps to and whether the
 * pressed button was answered already (every press must get exactly one answerCallbackQuery).
 */
export class BotContext extends Context {
  /** The update as the core sees it; set by the addressing middleware, absent when the bot should stay quiet. */
  incoming?: Incoming;
  /** True once answerCallbackQuery was called for this update. */
  callbackAnswered = false;

  /**
   * Answers the pressed button once. A second call is skipped, and a query Telegram
   * no longer accepts (too old, already answered) is not an error worth failing the update for.
   */
  override async answerCallbackQuery(...args: Parameters<Context["answerCallbackQuery"]>): Promise<true> {
    if (this.callbackAnswered) return true;
    this.callbackAnswered = true;
    try {
      return await super.answerCallbackQuery(...args);
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 400) return true;
      throw error;
    }
  }
}

import { defineCommand } from "../src/core/command.js";
import { listingRecord, loadUnanswered, renderListing, selectUnanswered } from "../src/core/questions/listing.js";

/**
 * /cauhoi [chủ đề hoặc từ khóa] (alias /questions): the questions the assistant could not answer,
 * numbered, most asked first, with when they were first and last asked and how many people wait
 * (counts only). The numbers are remembered for this chat, for `/giaidap <số>`.
 */
export default defineCommand({
  name: "cauhoi",
  alias: "questions",
  access: "coordinator",
  description: { vi: "Câu hỏi trợ lý chưa trả lời được", en: "Questions the assistant could not answer" },
  usage: { vi: "/cauhoi [chủ đề hoặc từ khóa]", en: "/questions [topic or word]" },
  parse: (args) => args.trim().slice(0, 100) || undefined,
  async run(ctx, filter) {
    const { store } = ctx.services;
    const listing = selectUnanswered(ctx.services, await loadUnanswered(ctx.services.store), filter);
    await store.answers.setListing(listingRecord(ctx.actor.chatKey, listing, ctx.now));
    return renderListing(listing, ctx.lang);
  },
});

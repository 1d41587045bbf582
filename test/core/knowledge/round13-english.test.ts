import { describe, expect, it } from "vitest";
import { readLongMessage } from "../../../src/core/knowledge/long-message.js";
import { createAnalyzer } from "../../../src/core/knowledge/query.js";
import { createKnowledge } from "../../../src/core/knowledge/search.js";
import { realContent } from "../../helpers/app.js";
import { gapAsWhen, hasFollowUpMarker, withoutMarker } from "../../../src/core/knowledge/follow-up.js";
import { answeredWith, followUpAnswer } from "../../helpers/knowledge.js";

const content = await realContent();
const kb = createKnowledge(content);
const analyzer = createAnalyzer(content.glossary, content.lexicon);

describe("English words of round 13", () => {
  it("reads 'mid-<month>' as the 15th of that month", () => {
    expect(analyzer.analyze("what is due by mid-June?").units).toContain("15/6");
    expect(analyzer.analyze("in June").units).not.toContain("15/6");
  });

  it("reads the bare verb in 'who sign(s)' as 'signed'", () => {
    expect(answeredWith(kb, "who signs this plan?")).toBe("plan-signatories");
  });

  it("takes goal, aim and objective for 'mục tiêu', and a plan named by what it keeps running", () => {
    expect(answeredWith(kb, "What is the key objective of the IT continuity plan?")).toBe("plan-goals");
  });

  it("takes the 'special network' for the dedicated data network", () => {
    expect(analyzer.analyze("when is the special network ready").units).toContain("mangtruyensolieuchuyendung");
  });
});

describe("a follow-up asking the same of another thing ('X cũng vậy hả', 'X too?')", () => {
  const NOW = "2026-12-02T09:00:00+07:00";

  it("carries the previous question's attribute over to the system it names", async () => {
    const answer = await followUpAnswer("Khi nào 1022 chạy chính thức?", "còn quản lý văn bản cũng thế à", NOW);
    expect(answer).toContain("01/09/2025");
    expect(answer).not.toContain("15/06/2025");
  });

  it("reads 'too' at the end of an English follow-up the same way", async () => {
    const answer = await followUpAnswer("When does the 1022 hotline go live officially?", "the document system too?", NOW);
    expect(answer).toContain("1 September 2025");
  });

  it("strips the marker, leaving the thing asked of", () => {
    expect(hasFollowUpMarker("email cũng vậy hả")).toBe(true);
    expect(withoutMarker("email cũng vậy hả")).toBe("email");
    expect(withoutMarker("same for e-mail?")).toBe("e mail");
  });
});

describe("'official' before a go-live word, and the agencies 'behind' the plan", () => {
  it("reads 'official launch' as the official operation, not as officials (staff)", () => {
    expect(analyzer.analyze("official launch of the e-mail system").units).toContain("vanhanhchinhthuc");
    expect(analyzer.analyze("how many officials").units).toContain("cbcc");
  });

  it("reads the agencies behind the plan as those that issued it", () => {
    expect(answeredWith(kb, "who is behind the joint plan?")).toBe("plan-signatories");
  });
});

describe("a gap from another day to the previous answer's ('how many days after X is that?')", () => {
  it("asks when X is, and says the gap between the two days", async () => {
    const answer = await followUpAnswer("When is the document management system in official operation?", "how many days after the rollout deadline is that?", "2026-12-02T09:00:00+07:00");
    expect(answer).toContain("17 days");
  });

  it("rewrites the gap as when the other thing is due", () => {
    expect(gapAsWhen("how many days after the pilot deadline is that?")).toBe("when the pilot deadline");
    expect(gapAsWhen("when is the pilot?")).toBe("when is the pilot?");
  });
});

describe("whether a thing is among those of the previous answer ('có 1022 ko?')", () => {
  const NOW = "2026-12-02T09:00:00+07:00";

  it("stays with the previous answer when it names the thing", async () => {
    const answer = await followUpAnswer("Ngày 11/6/2025 thử nghiệm ở phường nào?", "gồm cả 1022 không", NOW);
    expect(answer).toContain("thủ tục hành chính");
  });

  it("reads 'thử mấy hệ thống' as a count of systems tried, not as a weekday", async () => {
    const answer = await followUpAnswer("Ngày 11/6/2025 thử nghiệm ở phường nào?", "thử mấy hệ thống vậy", NOW);
    expect(answer).not.toContain("ngày làm việc bình thường");
  });
});

describe("two short questions split at a question mark", () => {
  it("reads 'X khi nào? còn Y khi nào?' as two questions", () => {
    expect(readLongMessage("mail tạo khi nào? còn tập huấn xong khi nào?")?.parts).toEqual(["mail tạo khi nào", "còn tập huấn xong khi nào"]);
  });
});

describe("'which of them' after a list of agencies", () => {
  it("asks who does it, as 'ai' does", () => {
    expect(analyzer.analyze("which of them trains the staff?").units).toContain("ai");
  });
});

describe("'that work', 'the task' in a follow-up point back", () => {
  it("asks when the systems of the previous question are due", async () => {
    const answer = await followUpAnswer("Is the data center part of phase 1?", "and when is that task due?", "2026-12-02T09:00:00+07:00");
    expect(answer).toContain("August 2025");
  });
});

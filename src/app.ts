import { commands } from "../commands/index.js";
import { adminKeysFrom, type Config } from "./config.js";
import { type Assistant, createAssistant, type TextHook } from "./core/assistant.js";
import type { BoardLinks } from "./core/board/links.js";
import { createWorkingCalendar } from "./core/calendar.js";
import type { CoreSettings, Services } from "./core/command.js";
import type { Content } from "./core/content/schema.js";
import type { DigestCharts } from "./core/digest/types.js";
import { answerQuestion } from "./core/knowledge/answer.js";
import { createKnowledge } from "./core/knowledge/search.js";
import { statusHooks } from "./core/status/hooks.js";
import type { Logger, Outbox, Store, UserKey } from "./core/ports.js";
import type { Clock } from "./core/time.js";

/** The pieces {@link createApp} wires together. */
export interface AppDeps {
  content: Content;
  store: Store;
  clock: Clock;
  outbox: Outbox;
  log: Logger;
  settings: CoreSettings;
  /** The digest chart renderer; defaults to the Vega-Lite + resvg one, loaded on first use. */
  charts?: DigestCharts;
  /** Links to the board and calendars (PUBLIC_URL set). */
  boardLinks?: BoardLinks;
}

/** The wired assistant and the services behind it. */
export interface App {
  services: Services;
  assistant: Assistant;
}

/** Builds the services and the assistant. The one place (with main.ts and cli.ts) where concrete pieces meet. */
export function createApp(deps: AppDeps, extra: { hooks?: TextHook[] } = {}): App {
  const services: Services = {
    ...deps,
    calendar: createWorkingCalendar(deps.content.calendar),
    knowledge: createKnowledge(deps.content),
    commands,
    charts: deps.charts ?? lazyDigestCharts,
  };
  const assistant = createAssistant(services, { ask: answerQuestion, hooks: [...statusHooks(), ...(extra.hooks ?? [])] });
  return { services, assistant };
}

/** The real chart renderer, imported on first use so start-up and tests without charts skip Vega and resvg. */
export const lazyDigestCharts: DigestCharts = {
  async statusChart(digest) {
    const { renderStatusChart } = await import("./digest-chart/chart.js");
    return renderStatusChart(digest);
  },
};

/** Core settings from config. The local console user is an admin: whoever runs the process owns it. */
export function settingsFrom(config: Config, extraAdmins: UserKey[] = []): CoreSettings {
  return {
    adminKeys: [...adminKeysFrom(config.ADMIN_IDS), ...extraAdmins],
    botUsername: config.BOT_USERNAME,
    reminderTime: config.REMINDER_TIME,
  };
}

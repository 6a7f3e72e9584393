// Wrong parameters and fields fail to compile: `npm run typecheck` checks every @ts-expect-error.
import { describe, expectTypeOf, it } from "vitest";
import {
  createAiGatewayLogs,
  createGateway,
  getLog,
  getLogResponse,
  iterateLogs,
  listLogs,
  updateLog,
  where,
  type Filter,
  type Log,
  type LogDetail,
  type Page,
  type Payload,
} from "../../src/index.js";

const logs = createAiGatewayLogs({ accountId: "a", gatewayId: "gw", apiToken: "t".repeat(40) });
const gateway = createGateway({ accountId: "a", gatewayId: "gw", apiToken: "t".repeat(40) });

describe("types", () => {
  it("type what the methods return", () => {
    expectTypeOf(logs.list).returns.toEqualTypeOf<Promise<Page>>();
    expectTypeOf(logs.get).returns.toEqualTypeOf<Promise<LogDetail>>();
    expectTypeOf(logs.getRequest).returns.toEqualTypeOf<Promise<Payload>>();
    expectTypeOf(logs.count).returns.toEqualTypeOf<Promise<number>>();
    expectTypeOf(logs.iterate()).toEqualTypeOf<AsyncIterable<Log>>();
    expectTypeOf<Log["tokens_in"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Log["metadata"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(where("model").eq("x")).toEqualTypeOf<Filter>();
  });

  it("type the fetchers as the methods", () => {
    expectTypeOf(listLogs).returns.toEqualTypeOf<Promise<Page>>();
    expectTypeOf(getLog).returns.toEqualTypeOf<Promise<LogDetail>>();
    expectTypeOf(getLogResponse).returns.toEqualTypeOf<Promise<Payload>>();
    expectTypeOf(iterateLogs(gateway)).toEqualTypeOf<AsyncIterable<Log>>();
    expectTypeOf(updateLog).returns.toEqualTypeOf<ReturnType<typeof logs.update>>();
    const never = () => {
      // @ts-expect-error: per_page is perPage here too
      void listLogs(gateway, { per_page: 10 });
      // @ts-expect-error: a fetcher takes the gateway first
      void getLog("id");
      // @ts-expect-error: score is a number
      void updateLog(gateway, "id", { score: "high" });
    };
    expectTypeOf(never).toBeFunction();
  });

  it("reject wrong parameters at compile time", () => {
    const never = () => {
      // @ts-expect-error: per_page is perPage in the ergonomic layer
      void logs.list({ per_page: 10 });
      // @ts-expect-error: the list cannot be ordered by cost (only delete can)
      void logs.list({ orderBy: "cost" });
      void logs.delete({ all: true, orderBy: "cost" });
      // @ts-expect-error: direction is asc or desc
      void logs.list({ direction: "up" });
      // @ts-expect-error: feedback is a number
      void logs.update("id", { feedback: "good" });
      // @ts-expect-error: metadata values are strings, numbers or booleans
      void logs.update("id", { metadata: { nested: { a: 1 } } });
      // @ts-expect-error: booleans are only matched, never compared
      where("success").gt(true);
      // @ts-expect-error: cost compares with numbers
      where("cost").gt("cheap");
      // @ts-expect-error: contains is for text keys
      where("duration").contains("5");
      // @ts-expect-error: an operator the API does not have
      const _bad: Filter = { key: "model", operator: "like", value: ["x"] };
      // @ts-expect-error: logs have no total_pages
      void ({} as Page).resultInfo.total_pages;
      // @ts-expect-error: a required option is missing
      createAiGatewayLogs({ apiToken: "t" });
    };
    expectTypeOf(never).toBeFunction();
  });
});

import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/errors.js";
import { parseFilter, parseTime } from "../../src/cli/filter-syntax.js";

const now = Date.parse("2025-01-15T12:00:00.000Z");

describe("the --filter syntax", () => {
  it("reads each operator", () => {
    expect(parseFilter("model=gpt-4o,gpt-4o-mini")).toEqual({
      key: "model",
      operator: "eq",
      value: ["gpt-4o", "gpt-4o-mini"],
    });
    expect(parseFilter("provider!=openai")).toEqual({
      key: "provider",
      operator: "neq",
      value: ["openai"],
    });
    expect(parseFilter("model~claude")).toEqual({
      key: "model",
      operator: "contains",
      value: ["claude"],
    });
    expect(parseFilter("cost>0.01")).toEqual({ key: "cost", operator: "gt", value: [0.01] });
    expect(parseFilter("duration<500")).toEqual({ key: "duration", operator: "lt", value: [500] });
    expect(parseFilter("success=false")).toEqual({
      key: "success",
      operator: "eq",
      value: [false],
    });
    expect(parseFilter("metadata.key=user")).toEqual({
      key: "metadata.key",
      operator: "eq",
      value: ["user"],
    });
    expect(parseFilter("feedback=null")).toEqual({
      key: "feedback",
      operator: "eq",
      value: [null],
    });
  });

  it("takes the first operator, so values may hold = or >", () => {
    expect(parseFilter("user_agent~a=b>c")).toEqual({
      key: "user_agent",
      operator: "contains",
      value: ["a=b>c"],
    });
  });

  it("reads created_at as a date, relative or absolute", () => {
    expect(parseFilter("created_at>2h", now).value).toEqual(["2025-01-15T10:00:00.000Z"]);
    expect(parseFilter("created_at<2025-01-01T00:00:00Z", now).value).toEqual([
      "2025-01-01T00:00:00.000Z",
    ]);
  });

  it("refuses what the API would not take, as usage errors", () => {
    for (const text of [
      "model",
      "=x",
      "nope=1",
      "cost>cheap",
      "success=yes",
      "success>true",
      "cost>1,2",
      "model=",
      "created_at>soon",
    ]) {
      expect(() => parseFilter(text), text).toThrow(UsageError);
    }
  });
});

describe("times", () => {
  it("reads 15m, 2h, 7d, 30s, 1w and ISO dates", () => {
    expect(parseTime("15m", now).toISOString()).toBe("2025-01-15T11:45:00.000Z");
    expect(parseTime("7d", now).toISOString()).toBe("2025-01-08T12:00:00.000Z");
    expect(parseTime("30s", now).toISOString()).toBe("2025-01-15T11:59:30.000Z");
    expect(parseTime("1w", now).toISOString()).toBe("2025-01-08T12:00:00.000Z");
    expect(parseTime("2025-01-01", now).toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(() => parseTime("later", now)).toThrow(UsageError);
  });
});

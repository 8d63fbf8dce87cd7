import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "./classifier";
import { clausesOf } from "./features";
import { classifyRange } from "./hashed-classifier";
import { replyFeatures } from "./judge";
import { normaliseReply } from "./normalise";
import { segmentWords } from "./segment";
import { TrainedDetectorSchema } from "./verdict";

const detector = TrainedDetectorSchema.parse(
  JSON.parse(readFileSync("content/phrases/detector.json", "utf8"))
);
const corpus = readFileSync("content/phrases/corpus.tsv", "utf8")
  .split("\n")
  .filter((line) => !line.startsWith("#"))
  .map((line) => line.split("\t").at(-1) ?? "")
  .filter((text) => text.trim() !== "");
const awkward = [
  "",
  "   ",
  "？？",
  "您好！！",
  "這不歸我管",
  "OK ok，好的~😀",
  "不清楚\u2028你自己看",
  `${"快点".repeat(3000)}？`,
  "\u0000不 知道 ",
];

describe("classifyRange (hashed features) equals classify over the feature strings", () => {
  it.each([
    ["awkward input", awkward],
    ["every corpus reply", corpus],
  ])("%s, whole and per clause", (_, texts) => {
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) checkSame(text);
  });
});

function checkSame(text: string): void {
  const normalised = normaliseReply(text);
  const tokens = segmentWords(normalised);
  const ranges = [
    { start: 0, end: normalised.length },
    ...clausesOf(normalised),
  ];
  for (const { start, end } of ranges) {
    const expected = classify(
      detector.model,
      replyFeatures(normalised, tokens, start, end)
    );
    expect(
      classifyRange(detector.model, normalised, tokens, start, end),
      `${text} [${start}, ${end})`
    ).toEqual(expected);
  }
}

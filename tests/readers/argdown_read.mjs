// Argdown text as @argdown/core reads it: the parser and model plugins (as `argdown json` runs
// them), reduced to what argmap's export must keep. Used by tests/test_export_readers.py.
import core from "@argdown/core";
import { serveLines } from "./serve_lines.mjs";

const { ArgdownApplication, ParserPlugin, DataPlugin, ModelPlugin } = core;
const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new DataPlugin(), "build-model");
app.addPlugin(new ModelPlugin(), "build-model");

// a reference ("[title]") is a member without text; Argdown gives some a text of spaces
const texts = (members) =>
  (members ?? []).map((m) => m.text ?? "").filter((t) => t.replace(/ /g, "") !== "");

function read(input) {
  const response = app.run({ input, process: ["parse-input", "build-model"] });
  const errors = [...(response.lexerErrors ?? []), ...(response.parserErrors ?? [])];
  const statements = {};
  for (const [title, ec] of Object.entries(response.statements ?? {})) {
    statements[title] = texts(ec.members);
  }
  const argumentsOut = {};
  for (const [title, argument] of Object.entries(response.arguments ?? {})) {
    argumentsOut[title] = {
      pcs: (argument.pcs ?? []).map((s) => [s.title, s.role]),
      descriptions: texts(argument.members),
    };
  }
  return {
    errors: errors.map((e) => e.message),
    title: response.frontMatter?.title ?? null,
    sections: (response.sections ?? []).map((s) => s.title),
    statements,
    arguments: argumentsOut,
    // an undercut's target is the inference of an argument: named by the argument's title
    relations: (response.relations ?? []).map((r) => [
      r.from?.title,
      r.to?.title ?? r.to?.argumentTitle,
      r.relationType,
    ]),
  };
}

await serveLines(read);

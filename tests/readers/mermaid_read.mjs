// A Mermaid flowchart as mermaid reads and shows it: mermaid's own parser (its jison grammar,
// run by mermaid.mermaidAPI.getDiagramFromText) in node, with jsdom as the DOM that mermaid's
// sanitiser (DOMPurify) needs. Each node's label is then turned into the text a reader sees
// the way mermaid's renderer does it (entity codes decoded, `\n` and <br> as line breaks, the
// label's HTML parsed), and labels that mermaid would draw as maths or icons are flagged.
// Used by tests/test_export_readers.py.
import { JSDOM } from "jsdom";
import yaml from "js-yaml";
import { serveLines } from "./serve_lines.mjs";

const { window } = new JSDOM("");
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

// mermaid's decodeEntities: its placeholders for #name; and #123; become HTML entities
function decodeEntities(text) {
  return text.replace(/ﬂ°°/g, "&#").replace(/ﬂ°/g, "&").replace(/¶ß/g, ";");
}

function shown(label) {
  const html = decodeEntities(label).replace(/\\n|\n/g, "<br>");
  const box = window.document.createElement("div");
  box.innerHTML = html;
  for (const br of box.querySelectorAll("br")) br.replaceWith("\n");
  return {
    text: box.textContent,
    elements: [...box.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()),
    maths: /\$\$(.*)\$\$/.test(label),
    icon: /(fa[bklrs]?):fa-([\w-]+)/.test(decodeEntities(label)),
  };
}

// mermaid's extractFrontMatter (src/diagram-api/frontmatter.ts): its pattern, js-yaml's JSON schema
const frontMatter = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;

function titleOf(text) {
  const match = text.match(frontMatter);
  if (!match) return null;
  const data = yaml.load(match[2], { schema: yaml.JSON_SCHEMA }) ?? {};
  return "title" in data ? String(data.title) : null;
}

async function read(text) {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db;
  const nodes = {};
  for (const vertex of db.getVertices().values()) nodes[vertex.id] = shown(vertex.text ?? "");
  return {
    title: titleOf(text),
    nodes,
    edges: db.getEdges().map((e) => [e.start, e.end, e.type, e.stroke, e.text ?? ""]),
  };
}

await serveLines(read);

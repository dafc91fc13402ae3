// One reader process for many documents: each stdin line is a JSON string (a document), each
// stdout line the JSON the reader made of it ({"error": message} when it threw), in order.
import { createInterface } from "node:readline";

export async function serveLines(read) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    let answer;
    try {
      answer = await read(JSON.parse(line));
    } catch (error) {
      answer = { error: String(error?.stack ?? error) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
}

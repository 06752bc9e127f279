#!/usr/bin/env node
// Renders a chat template with @huggingface/jinja, the reference for Glassbox's renderer.
//   node render.mjs TEMPLATE.jinja MESSAGES.json [--bos STR] [--eos STR] [--no-generation-prompt] [--json]
// Prints exactly the rendered text (nothing added); --json prints {"text": …} or
// {"error": …}. A template error exits 1 with one "error: …" line on stderr.
import { readFileSync } from "node:fs";
import { Template } from "@huggingface/jinja";

const args = process.argv.slice(2);
const positional = [];
let bos = "", eos = "", addGenerationPrompt = true, json = false;
for (let i = 0; i < args.length; ++i) {
	const a = args[i];
	if (a === "--bos") bos = args[++i];
	else if (a === "--eos") eos = args[++i];
	else if (a === "--no-generation-prompt") addGenerationPrompt = false;
	else if (a === "--json") json = true;
	else positional.push(a);
}
if (positional.length !== 2) {
	process.stderr.write("usage: render.mjs TEMPLATE.jinja MESSAGES.json [--bos S] [--eos S] [--no-generation-prompt] [--json]\n");
	process.exit(2);
}

const source = readFileSync(positional[0], "utf8");
const messages = JSON.parse(readFileSync(positional[1], "utf8"));
try {
	const text = new Template(source).render({ messages, bos_token: bos, eos_token: eos, add_generation_prompt: addGenerationPrompt });
	process.stdout.write(json ? JSON.stringify({ text }) : text);
} catch (e) {
	const message = String(e && e.message !== undefined ? e.message : e).replace(/[\r\n]+/g, " ");
	if (json) process.stdout.write(JSON.stringify({ error: message }));
	process.stderr.write(`error: ${message}\n`);
	process.exit(1);
}

#!/usr/bin/env node
// Conformance of Glassbox's chat-template renderer with @huggingface/jinja.
//   node compare.mjs GLASSBOX_CLI TEMPLATES_DIR [CONVERSATIONS_DIR]
// Renders every template × every conversation × add_generation_prompt true/false with
// both (ours through `glassbox-cli template render`) and compares the bytes; an error
// (raise_exception, unsupported input) must be an error in both, with the same message.
// Then the same for each small template in snippets.json (one per language feature),
// rendered with conversations/02-multi-turn.json; there an error only has to be an error. Prints one line per
// mismatch and a closing "N passed, M failed"; exits 1 on any mismatch.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [cli, templatesDir, conversationsDir = join(here, "conversations")] = process.argv.slice(2);
if (!cli || !templatesDir) {
	console.error("usage: compare.mjs GLASSBOX_CLI TEMPLATES_DIR [CONVERSATIONS_DIR]");
	process.exit(2);
}
const conformanceDir = join(here, "..");
if (!existsSync(join(conformanceDir, "node_modules", "@huggingface", "jinja"))) {
	console.error(`error: @huggingface/jinja is not installed: run \`npm ci\` in ${conformanceDir}`);
	process.exit(2);
}
const { Template } = await import("@huggingface/jinja");

const BOS = "<s>", EOS = "</s>";
const list = (dir, ext) => readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
const templates = list(templatesDir, ".jinja");
const conversations = list(conversationsDir, ".json");
if (templates.length === 0 || conversations.length === 0) {
	console.error(`error: no templates in ${templatesDir} or no conversations in ${conversationsDir}`);
	process.exit(2);
}

function reference(source, messages, addGenerationPrompt) {
	try {
		const text = new Template(source).render({ messages, bos_token: BOS, eos_token: EOS, add_generation_prompt: addGenerationPrompt });
		return { text: Buffer.from(text, "utf8") };
	} catch (e) {
		return { error: String(e && e.message !== undefined ? e.message : e) };
	}
}

function ours(templatePath, conversationPath, addGenerationPrompt) {
	const args = ["template", "render", "--template", templatePath, "--messages", conversationPath, "--bos", BOS, "--eos", EOS];
	if (!addGenerationPrompt) args.push("--no-generation-prompt");
	return new Promise((resolve) => {
		const child = spawn(cli, args, { stdio: ["ignore", "pipe", "pipe"] });
		const out = [], err = [];
		child.stdout.on("data", (d) => out.push(d));
		child.stderr.on("data", (d) => err.push(d));
		child.on("error", (e) => resolve({ crash: `cannot run ${cli}: ${e.message}` }));
		child.on("close", (code, signal) => {
			const stderr = Buffer.concat(err).toString("utf8").trim();
			if (code === 0) resolve({ text: Buffer.concat(out) });
			else if (code === 1 && stderr.startsWith("error:") && !stderr.includes("\n")) resolve({ error: stderr.slice(7) });
			else resolve({ crash: `exit ${code ?? signal}: ${stderr}` });
		});
	});
}

function firstDifference(a, b) {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) ++i;
	const show = (buf) => JSON.stringify(buf.subarray(Math.max(0, i - 20), i + 40).toString("utf8"));
	return `byte ${i}: ours ${show(a)} vs reference ${show(b)}`;
}

const cases = [];
for (const t of templates)
	for (const c of conversations)
		for (const agp of [true, false]) cases.push({ t: join(templatesDir, t), c: join(conversationsDir, c), agp, name: `${t} × ${c} × add_generation_prompt=${agp}` });
const snippetDir = mkdtempSync(join(tmpdir(), "glassbox-jinja-"));
const snippets = existsSync(join(here, "snippets.json")) ? JSON.parse(readFileSync(join(here, "snippets.json"), "utf8")) : [];
snippets.forEach((s, i) => {
	const path = join(snippetDir, `${String(i).padStart(3, "0")}.jinja`);
	writeFileSync(path, s.template);
	cases.push({ t: path, c: join(conversationsDir, "02-multi-turn.json"), agp: true, name: `snippet ${s.name}`, snippet: true });
});

let passed = 0, failed = 0, bothErrors = 0;
async function check({ t: templatePath, c: conversationPath, agp, name, snippet }) {
	const ref = reference(readFileSync(templatePath, "utf8"), JSON.parse(readFileSync(conversationPath, "utf8")), agp);
	const got = await ours(templatePath, conversationPath, agp);
	let problem = null;
	if (got.crash) problem = got.crash;
	else if (ref.error !== undefined && got.error === undefined) problem = `reference fails (${ref.error}) but ours renders`;
	else if (ref.error === undefined && got.error !== undefined) problem = `ours fails (${got.error}) but the reference renders`;
	else if (ref.error === undefined && !got.text.equals(ref.text)) problem = firstDifference(got.text, ref.text);
	else if (!snippet && ref.error !== undefined && got.error.replace(/^line \d+, column \d+: /, "") !== ref.error.replace(/[\r\n]+/g, " "))
		problem = `different errors: ours "${got.error}", reference "${ref.error}"`;
	if (problem) {
		++failed;
		console.log(`FAIL ${name}: ${problem}`);
	} else {
		++passed;
		if (ref.error !== undefined) ++bothErrors;
	}
}

const queue = cases.slice();
const workers = Array.from({ length: 2 }, async () => {
	while (queue.length) await check(queue.shift());
});
await Promise.all(workers);
rmSync(snippetDir, { recursive: true, force: true });
console.log(`${templates.length} templates × ${conversations.length} conversations × 2 and ${snippets.length} snippets: ` +
	`${passed - bothErrors} identical renders, ${bothErrors} errors in both`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

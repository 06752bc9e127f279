#!/usr/bin/env node
// Speed of Glassbox against llama.cpp (the prebuilt CPU binaries of npm node-llama-cpp 3.22.1, installed
// in tests/conformance: `cd tests/conformance && npm ci --ignore-scripts`), on the same GGUF files with
// the same thread count, run alternately (ours, llama.cpp, ours, llama.cpp, …) so that a disturbance on
// the machine hits both.
//
//   node bench/compare.mjs --cli build/tools/cli/glassbox-cli [MODEL.gguf …]      (default: bench/out/*.gguf)
//        [--threads 2] [-p 128] [-n 64] [--reps 5] [--bandwidth-bin build/bench/glassbox-bandwidth | --bandwidth GBS]
//        [--out report.json] [--only ours|llama]
//
// pp: P random tokens evaluated in one batch from an empty context (tokens/s); tg: N single-token greedy
// steps after it (tokens/s). Ours is `glassbox-cli bench MODEL -p P -n N --reps 1 --json` (one warm-up
// round inside, one timed); llama.cpp's side does the same through node-llama-cpp's controlledEvaluate,
// the model loaded once, one warm-up round first. Medians over the R rounds.
// Use real-size models: for tiny ones (stories260K) node-llama-cpp's per-call overhead (a sampler and
// locks per controlledEvaluate call, ~0.1-1 ms) dominates llama.cpp's figures.
// The tg bound is bandwidth ÷ bytes of weights read per generated token (every matrix once, one row of
// token_embd unless it is also the classifier, experts × used/total); bandwidth is the read-only
// streaming rate measured by glassbox-bandwidth with the same thread count.
import {spawnSync} from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const conformance = path.join(root, "tests", "conformance");

function usage(msg) {
    if (msg) console.error(`error: ${msg}`);
    console.error("usage: node bench/compare.mjs --cli GLASSBOX_CLI [MODEL.gguf …] [--threads 2] [-p 128] [-n 64] [--reps 5]\n" +
        "                            [--bandwidth-bin PATH | --bandwidth GBS] [--out FILE] [--only ours|llama]");
    process.exit(2);
}

function parseArgs(argv) {
    const o = {models: [], threads: 2, p: 128, n: 64, reps: 5};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
        if (a === "--cli") o.cli = val();
        else if (a === "--threads") o.threads = Number(val());
        else if (a === "-p") o.p = Number(val());
        else if (a === "-n") o.n = Number(val());
        else if (a === "--reps") o.reps = Number(val());
        else if (a === "--bandwidth-bin") o.bandwidthBin = val();
        else if (a === "--bandwidth") o.bandwidth = Number(val());
        else if (a === "--out") o.out = val();
        else if (a === "--only") o.only = val();
        else if (a === "-h" || a === "--help") usage();
        else if (a.startsWith("-")) usage(`unknown option ${a}`);
        else o.models.push(a);
    }
    if (!o.cli && o.only !== "llama") usage("--cli is required");
    if (o.models.length === 0) {
        const dir = path.join(here, "out");
        if (fs.existsSync(dir)) o.models = fs.readdirSync(dir).filter((f) => f.endsWith(".gguf")).sort().map((f) => path.join(dir, f));
        if (o.models.length === 0) usage("no models given and none in bench/out (run bench/make-models.sh)");
    }
    if (!o.bandwidthBin && !o.bandwidth && o.cli) {
        // The helper sits next to the CLI in the same build tree.
        const guess = path.resolve(path.dirname(o.cli), "..", "..", "bench", "glassbox-bandwidth");
        if (fs.existsSync(guess)) o.bandwidthBin = guess;
    }
    return o;
}

const median = (v) => {
    const s = [...v].sort((a, b) => a - b);
    return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---- bytes of weights per generated token ---------------------------------------------------------
async function weightBytes(file, readGgufFileInfo) {
    const info = await readGgufFileInfo(file, {sourceType: "filesystem"});
    const tensors = [...(info.fullTensorInfo ?? info.tensorInfo)].sort((a, b) => a.fileOffset - b.fileOffset);
    const fileSize = fs.statSync(file).size;
    const arch = info.metadata?.general?.architecture;
    const am = info.metadata?.[arch] ?? {};
    const experts = Number(am.expert_count ?? 0), used = Number(am.expert_used_count ?? 0);
    const hasOutput = tensors.some((t) => t.name === "output.weight");
    const typeBytes = {};
    let total = 0, perToken = 0;
    tensors.forEach((t, i) => {
        const size = (i + 1 < tensors.length ? tensors[i + 1].fileOffset : fileSize) - t.fileOffset;
        total += size;
        const dims = t.dimensions.map(Number);
        if (dims.length >= 2) typeBytes[t.ggmlType] = (typeBytes[t.ggmlType] ?? 0) + size;
        if (t.name === "token_embd.weight" && hasOutput) perToken += size / dims[dims.length - 1];
        else if (/_exps\.weight$/.test(t.name) && experts > 0) perToken += (size * used) / experts;
        else perToken += size;
    });
    const names = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 10: "Q2_K", 11: "Q3_K", 12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 30: "BF16"};
    const dominant = Object.entries(typeBytes).sort((a, b) => b[1] - a[1])[0]?.[0];
    return {totalBytes: total, bytesPerToken: perToken, type: names[dominant] ?? `type${dominant}`, experts, used};
}

// ---- ours ---------------------------------------------------------------------------------------
function benchOurs(o, file) {
    const r = spawnSync(o.cli, ["bench", file, "-p", String(o.p), "-n", String(o.n), "--reps", "1", "--threads", String(o.threads), "--json"],
        {encoding: "utf8", maxBuffer: 16 << 20});
    if (r.status !== 0) throw new Error(`glassbox-cli bench failed (${r.status ?? r.signal}): ${(r.stderr || "").trim()}`);
    return JSON.parse(r.stdout);
}

// ---- llama.cpp ------------------------------------------------------------------------------------
async function llamaSession(oracle, o, file) {
    const model = await oracle.loadModel(file, {threads: o.threads});
    const context = await model.createContext({
        contextSize: o.p + o.n + 16,
        batchSize: o.p,
        sequences: 1,
        threads: {ideal: o.threads, min: o.threads},
    });
    const seq = context.getSequence();
    let vocab = 0;
    for (const _ of model.iterateAllTokens()) vocab++;
    let seed = 42;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const prompt = Array.from({length: o.p}, () => Math.floor(rnd() * vocab));
    const next = {generateNext: {token: true}};
    async function round() {
        await seq.clearHistory();
        const t0 = performance.now();
        const res = await seq.controlledEvaluate(prompt.map((t, i) => (i === prompt.length - 1 ? [t, next] : t)));
        const t1 = performance.now();
        let tok = res[res.length - 1].next.token;
        const t2 = performance.now();
        for (let i = 0; i < o.n; i++) tok = (await seq.controlledEvaluate([[tok, next]]))[0].next.token;
        const t3 = performance.now();
        return {pp: (o.p * 1000) / (t1 - t0), tg: o.n > 0 ? (o.n * 1000) / (t3 - t2) : 0};
    }
    return {model, context, round, dispose: async () => (await context.dispose(), await model.dispose())};
}

// The machine's read-only and triad bandwidth at 1 and 2 threads (the header of the report), and
// a short read-only measurement at the benchmark's thread count in every round: on a shared VM the
// bandwidth moves with the neighbours' load (30–55 GB/s on 2 threads within an hour here), so each
// model's bound uses the median of the rounds it ran in.
function measureBandwidth(o, quick = false) {
    if (o.bandwidth) return {read_gbs: o.bandwidth, source: "--bandwidth"};
    if (!o.bandwidthBin) return null;
    const args = quick ? ["--threads", String(o.threads), "--mib", "512", "--reps", "2"] : ["--threads", [...new Set([1, o.threads])].join(",")];
    const r = spawnSync(o.bandwidthBin, args, {encoding: "utf8"});
    if (r.status !== 0) return null;
    const j = JSON.parse(r.stdout);
    const at = j.results.find((x) => x.threads === o.threads) ?? j.results[j.results.length - 1];
    return {...at, all: quick ? undefined : j.results, source: o.bandwidthBin};
}

const f1 = (x) => (x == null ? "—" : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const f2 = (x) => (x == null ? "—" : x.toFixed(2));
const pct = (x) => (x == null ? "—" : `${(100 * x).toFixed(0)}%`);

async function main() {
    const o = parseArgs(process.argv.slice(2));
    if (!fs.existsSync(path.join(conformance, "node_modules", "node-llama-cpp", "package.json"))) {
        console.error(`error: node-llama-cpp is not installed: run \`npm ci --ignore-scripts\` in ${conformance}`);
        process.exit(2);
    }
    const oracle = await import(path.join(conformance, "llama", "oracle.mjs"));
    const bandwidth = measureBandwidth(o);
    const report = {
        date: new Date().toISOString(),
        machine: {cpu: os.cpus()[0]?.model, cores: os.cpus().length, total_mem_gb: +(os.totalmem() / 2 ** 30).toFixed(1), load_avg_at_start: os.loadavg()},
        settings: {threads: o.threads, p: o.p, n: o.n, reps: o.reps, omp_wait_policy: process.env.OMP_WAIT_POLICY ?? null, llama: "node-llama-cpp 3.22.1 prebuilt CPU, F16 KV cache"},
        bandwidth,
        models: [],
    };
    for (const file of o.models) {
        const w = await weightBytes(file, oracle.readGgufFileInfo);
        const entry = {file, type: w.type, file_weight_bytes: w.totalBytes, bytes_per_token: Math.round(w.bytesPerToken), ours: {rounds: []}, llama: {rounds: []}};
        process.stderr.write(`${path.basename(file)}: `);
        const llama = o.only === "ours" ? null : await llamaSession(oracle, o, file);
        if (llama) await llama.round();  // warm-up
        for (let r = 0; r < o.reps; r++) {
            if (o.only !== "llama") {
                const j = benchOurs(o, file);
                entry.ours.rounds.push({pp: j.pp_tok_s, tg: j.tg_tok_s});
                entry.ours.load_s = Math.min(entry.ours.load_s ?? Infinity, j.load_s);
                entry.ours.peak_rss_mb = Math.max(entry.ours.peak_rss_mb ?? 0, j.peak_rss_mb);
                if (j.weights_mb !== undefined) entry.ours.weights_mb = j.weights_mb;
                process.stderr.write("o");
            }
            if (llama) {
                entry.llama.rounds.push(await llama.round());
                process.stderr.write("l");
            }
            const bw = measureBandwidth(o, true);
            if (bw?.read_gbs) (entry.bandwidth_rounds ??= []).push(bw.read_gbs);
        }
        process.stderr.write("\n");
        if (llama) await llama.dispose();
        for (const side of [entry.ours, entry.llama]) {
            side.pp_tok_s = median(side.rounds.map((x) => x.pp));
            side.tg_tok_s = median(side.rounds.map((x) => x.tg));
        }
        entry.ratio_pp = entry.ours.pp_tok_s && entry.llama.pp_tok_s ? entry.ours.pp_tok_s / entry.llama.pp_tok_s : null;
        entry.ratio_tg = entry.ours.tg_tok_s && entry.llama.tg_tok_s ? entry.ours.tg_tok_s / entry.llama.tg_tok_s : null;
        entry.read_gbs = entry.bandwidth_rounds?.length ? median(entry.bandwidth_rounds) : bandwidth?.read_gbs;
        if (entry.read_gbs) {
            entry.tg_bound_tok_s = (entry.read_gbs * 1e9) / w.bytesPerToken;
            entry.ours.fraction_of_bound = entry.ours.tg_tok_s ? entry.ours.tg_tok_s / entry.tg_bound_tok_s : null;
            entry.llama.fraction_of_bound = entry.llama.tg_tok_s ? entry.llama.tg_tok_s / entry.tg_bound_tok_s : null;
        }
        report.models.push(entry);
    }
    await oracle.closeLlama();

    const out = o.out ?? path.join(here, "out", `compare-${report.date.replace(/[:.]/g, "-")}.json`);
    fs.mkdirSync(path.dirname(out), {recursive: true});
    fs.writeFileSync(out, JSON.stringify(report, null, 1) + "\n");
    console.log(JSON.stringify(report, null, 1));
    console.log("");
    const bwLine = (bandwidth?.all ?? []).map((x) => `${x.threads} thread${x.threads > 1 ? "s" : ""}: read ${f1(x.read_gbs)}, triad ${f1(x.triad_gbs)} GB/s`).join("; ");
    console.log(`threads ${o.threads}, pp${o.p}, tg${o.n}, median of ${o.reps} alternating rounds; bandwidth at the start: ${bwLine || (bandwidth?.read_gbs ? f1(bandwidth.read_gbs) + " GB/s" : "not measured")}`);
    console.log("(GB/s: read-only bandwidth measured in each round, median; tg bound = GB/s ÷ MB/tok)");
    const head = ["model", "type", "MB/tok", "pp ours", "pp llama", "ours/llama", "tg ours", "tg llama", "ours/llama", "GB/s", "tg bound", "ours %bound", "llama %bound"];
    const rows = report.models.map((m) => [path.basename(m.file), m.type, f1(m.bytes_per_token / 1e6), f1(m.ours.pp_tok_s), f1(m.llama.pp_tok_s), f2(m.ratio_pp),
        f1(m.ours.tg_tok_s), f1(m.llama.tg_tok_s), f2(m.ratio_tg), f1(m.read_gbs), f1(m.tg_bound_tok_s), pct(m.ours.fraction_of_bound), pct(m.llama.fraction_of_bound)]);
    const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(width[i]) : String(c).padStart(width[i]))).join("  ");
    console.log(line(head));
    for (const r of rows) console.log(line(r));
    const rel = path.relative(process.cwd(), out);
    console.log(`(tok/s; report written to ${rel.startsWith("..") ? out : rel})`);
}

main().catch((e) => {
    console.error(`error: ${e.stack ?? e}`);
    process.exit(1);
});

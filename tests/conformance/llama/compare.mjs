#!/usr/bin/env node
// Conformance against llama.cpp: tokenization, greedy decoding and next-token log-probabilities of
// `glassbox-cli` compared with llama.cpp (npm node-llama-cpp 3.22.1, see oracle.mjs) on
//   * every GGUF in the shared models folder (dense and MoE, F32 and Q8_0, the llama.cpp-converted one),
//   * the vocab-only GGUFs in its vocab/ folder (tokenization only: their .inp test strings + our prompts),
//   * random-weight models written now with glassbox-make-model, one per tensor type and a few shapes.
//
//   node compare.mjs --cli build/tools/cli/glassbox-cli --make-model build/tools/make-model/glassbox-make-model
//                    --models ../shared/models [--filter REGEX] [-n 24] [--kv-type f32|f16] [--threads 2]
//                    [--oracle-threads 1] [--random-strings 3] [--report out.json] [--keep-models DIR] [--verbose]
//
// llama.cpp runs with 1 thread here by default: its 2-thread decode spin-waits and collapses when
// anything else uses the CPU (measured on the 2-core dev machine under a parallel build: 206 s instead
// of 1.6 s for the same 7 cases); its results do not depend on its thread count (checked: the same
// logits bit for bit with 1 and 2 threads on F32, Q4_K and MoE Q8_0 models).
//
// One line per case, then a summary of the largest differences per tensor type, then exactly
// "N passed, M failed"; the exit status is 1 when M > 0 (2 for bad usage or a missing npm install).
import {spawnSync} from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {dominantType, readGguf, writeDequantized} from "./gguf.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const conformanceDir = path.resolve(here, "..");

// ---- tolerances ---------------------------------------------------------------------------------
// Compared at every step: |log p_ours(t) - log p_llama.cpp(t)| for each of llama.cpp's top-5 tokens t
// (log-probabilities, not raw logits: they do not depend on the softmax shift), and at the first step
// also for our top-40 tokens against llama.cpp's whole distribution.
//
// Every model is compared with two llama.cpp runs:
// 1. "exact": llama.cpp on an all-F32 copy of the file (gguf.mjs dequantizes it, bit-identical to
//    ggml's own dequantize_row_*), with an F32 KV cache and no flash attention (oracle.mjs). That is
//    the quantized model computed in f32 throughout, which is what Glassbox computes in its exact
//    mode (`--f32-activations`: kernels dequantize in registers and keep activations in f32; the
//    default for every type but Q8_0/Q4_0/Q4_K/Q5_K/Q6_K, see 2.). Only summation order differs, so the
//    tolerance is tight: EXACT_TOL = 0.01 (measured: at most 2e-5 on every model of this suite;
//    llama.cpp's default F16 KV cache alone moves its log-probabilities by up to 0.03 on
//    stories260K-f32, see --kv-type f16).
// 2. "direct": llama.cpp on the quantized file itself, as its users run it. For quantized weights
//    ggml rounds every activation vector to 8 bits (Q8_0/Q8_1 blocks of 32, Q8_K blocks of 256)
//    before the integer dot products; for F16/BF16 weights it rounds activations to F16/BF16. That
//    rounding is llama.cpp's own noise, and it is large: on these models its log-probs move
//    by up to ~0.4 against the exact computation (see the summary the script prints), and by 0.105 on
//    polyglot-moe-4m-q8_0 just from switching its KV cache F16 <-> F32. So this check only proves that
//    both read the file the same way, with a bound on the largest difference and a tighter one on the
//    mean. Measured with deliberately wrong dequantizers (Q4_0 nibbles interleaved, Q4_K second
//    half-block with the first one's min, Q6_K high bits of the wrong pair), llama.cpp direct vs
//    llama.cpp on the wrong F32 copy: the top-5 sets mostly stop overlapping, and where they do the
//    differences are max 0.7 / 3.2 / 3.5 and mean 0.27 / 1.3 / 0.8, against max 0.13-0.21 and mean
//    0.03-0.05 with the right dequantizer.
//    Glassbox's default for Q8_0, Q4_0, Q4_K, Q5_K and Q6_K weights is llama.cpp's own computation
//    (activations rounded to Q8_0 blocks of 32 or Q8_K blocks of 256, integer dot products): this
//    check runs that default, and the exact check runs `--f32-activations`. Where no activation lands on the other side of a rounding
//    boundary the two engines then agree to ~1e-6 (the summary counts those runs).
export const EXACT_TOL = 0.01;
export const DIRECT_TOL = {
    F16: {max: 0.03, mean: 0.01},
    BF16: {max: 0.12, mean: 0.03},
    quantized: {max: 0.6, mean: 0.12},
};
const directTol = (type) => DIRECT_TOL[type] ?? DIRECT_TOL.quantized;
// Greedy ids must be identical, except where llama.cpp's log-probabilities of its pick and ours are
// closer than this (a near-tie: both picks are right; against the direct run, whose own noise is
// larger, the limit is twice its max tolerance). llama.cpp is fed our tokens (teacher forcing), so
// instead of stopping at a near-tie, as free-running continuations would require, the comparison
// goes on along our continuation.
export const NEAR_TIE = 0.02;
const TOP = 5;            // llama.cpp's top-K tokens compared at every step
const OUR_TOP = 40;       // alternatives asked from glassbox-cli (enough to contain llama.cpp's top-5)
const INT8_TYPES = new Set(["Q8_0", "Q4_0", "Q4_K", "Q5_K", "Q6_K"]);  // computed like llama.cpp by default (8-bit activations)

// ---- prompts ------------------------------------------------------------------------------------
export const PROMPTS = [
    {name: "english", text: "Once upon a time, there was a little robot who wanted to learn how to paint."},
    {name: "russian", text: "Жила-была маленькая девочка, которая очень любила читать книги."},
    {name: "chinese", text: "从前有一座山，山里有一座庙，庙里有个老和尚在讲故事。"},
    {name: "digits", text: "In 1969, 3.14159 × 2 = 6.28318; prices: $12.50, €7,99 (approx.) — ok?! #42 @home 100%"},
];

// mulberry32: a tiny seeded PRNG, so the "random" strings are the same on every run.
function mulberry32(seed) {
    return () => {
        seed |= 0;
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function randomStrings(count, seed = 20240601, maxLen = 24) {
    const rnd = mulberry32(seed);
    const pick = (s) => s[Math.floor(rnd() * s.length)];
    const classes = [
        () => pick("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        () => pick("0123456789"),
        () => pick(" .,;:!?'\"()[]{}<>-_=+*/\\|@#$%^&~`"),
        () => pick(["  ", " ", "\n", "\t", "\r\n", " \n "]),
        () => pick("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЖЯ"),
        () => pick("的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年"),
        () => pick(["é", "ü", "ß", "ñ", "ø", "€", "©", "½", "²", "…", "—", "\u00a0", "\u3000"]),
        () => pick(["😀", "🚀", "👍🏽", "🇫🇷", "𠜎"]),
        () => pick(["<s>", "</s>", "<unk>", "<|endoftext|>", "<0x41>"]),
        () => " " + pick(["the", "and", "hello", "world", "token", "llama", "Glassbox"]),
    ];
    const out = [];
    for (let i = 0; i < count; i++) {
        const len = 4 + Math.floor(rnd() * (maxLen - 3));
        let s = "";
        while ([...s].length < len) s += classes[Math.floor(rnd() * classes.length)]();
        out.push({name: `random${i}`, text: s});
    }
    return out;
}

// ---- random-weight models -----------------------------------------------------------------------
// Small enough that the whole suite runs in well under 2 minutes on 2 cores; dim 256 and ffn 512/768
// so that every K-quant (rows of 256) applies to every matrix.
export const RANDOM_MODELS = [
    ...["F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K"].map((type, i) => ({
        name: `rand-${type.toLowerCase()}`,
        type,
        args: ["--dim", "256", "--layers", String(2 + (i % 2)), "--heads", "4", "--kv-heads", "4", "--ffn", i % 3 === 2 ? "768" : "512"],
    })),
    {name: "rand-gqa-8x2", type: "F32", args: ["--dim", "256", "--layers", "2", "--heads", "8", "--kv-heads", "2", "--ffn", "512"]},
    {name: "rand-mqa-8x1", type: "F32", args: ["--dim", "256", "--layers", "2", "--heads", "8", "--kv-heads", "1", "--ffn", "512"]},
    {name: "rand-moe-8x2", type: "F32", args: ["--dim", "256", "--layers", "2", "--heads", "4", "--kv-heads", "2", "--ffn", "256", "--experts", "8", "--experts-used", "2"]},
    {name: "rand-moe-8x2-q8_0", type: "Q8_0", exactOnly: "random router: llama.cpp's 8-bit activations flip its near-tie expert choices", args: ["--dim", "256", "--layers", "2", "--heads", "4", "--kv-heads", "2", "--ffn", "256", "--experts", "8", "--experts-used", "2"]},
    {name: "rand-tied", type: "F32", args: ["--dim", "256", "--layers", "2", "--heads", "4", "--kv-heads", "4", "--ffn", "512", "--tied"]},
    {name: "rand-tied-q4_k", type: "Q4_K", args: ["--dim", "256", "--layers", "2", "--heads", "4", "--kv-heads", "4", "--ffn", "512", "--tied"]},
    {name: "rand-vocab-pad", type: "F32", args: ["--dim", "256", "--layers", "2", "--heads", "4", "--kv-heads", "4", "--ffn", "512", "--vocab-size", "1000"]},
];

// ---- helpers ------------------------------------------------------------------------------------
function usage(msg) {
    if (msg) console.error(`error: ${msg}`);
    console.error("usage: node compare.mjs --cli GLASSBOX_CLI --make-model GLASSBOX_MAKE_MODEL --models MODELS_DIR\n" +
        "                        [--filter REGEX] [-n 24] [--kv-type f32|f16] [--threads 2] [--oracle-threads 1] [--random-strings 3]\n" +
        "                        [--report FILE] [--keep-models DIR] [--verbose]");
    process.exit(2);
}

function parseArgs(argv) {
    const o = {n: 24, kvType: "f32", threads: 2, oracleThreads: 1, verbose: false, randomCount: 3};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
        if (a === "--cli") o.cli = val();
        else if (a === "--make-model") o.makeModel = val();
        else if (a === "--models") o.models = val();
        else if (a === "--filter") o.filter = new RegExp(val());
        else if (a === "-n") o.n = Number(val());
        else if (a === "--kv-type") o.kvType = val();
        else if (a === "--threads") o.threads = Number(val());
        else if (a === "--oracle-threads") o.oracleThreads = Number(val());
        else if (a === "--report") o.report = val();
        else if (a === "--keep-models") o.keepModels = val();
        else if (a === "--random-strings") o.randomCount = Number(val());
        else if (a === "--verbose" || a === "-v") o.verbose = true;
        else if (a === "-h" || a === "--help") usage();
        else usage(`unknown argument ${a}`);
    }
    if (!o.cli || !o.models) usage("--cli and --models are required");
    return o;
}

const clock = {cli: 0, oracle: 0};
function run(cmd, args, {timeoutMs = 120000} = {}) {
    const t = performance.now();
    const r = spawnSync(cmd, args, {encoding: "utf8", maxBuffer: 64 << 20, timeout: timeoutMs, env: {...process.env, OMP_WAIT_POLICY: "passive"}});
    clock.cli += performance.now() - t;
    if (r.error) return {ok: false, error: String(r.error.message ?? r.error)};
    if (r.status !== 0) return {ok: false, error: `exit ${r.status ?? r.signal}: ${(r.stderr || "").trim().split("\n").slice(-2).join(" | ")}`};
    return {ok: true, stdout: r.stdout, stderr: r.stderr};
}

function runJson(cmd, args, opts) {
    const r = run(cmd, args, opts);
    if (!r.ok) return r;
    try {
        return {ok: true, json: JSON.parse(r.stdout)};
    } catch (e) {
        return {ok: false, error: `not JSON: ${r.stdout.slice(0, 200)}`};
    }
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const fmt = (x) => (!Number.isFinite(x) ? String(x) : x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(1) : x.toFixed(4));
const show = (s) => JSON.stringify(s.length > 40 ? [...s].slice(0, 40).join("") + "…" : s);

function firstDiff(a, b) {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
}

// ---- comparison of one generation ---------------------------------------------------------------
/**
 * ref: oracle.greedy() result; ours: `glassbox-cli generate --json` output.
 * tol: largest allowed |d log p|; tieLimit: a greedy mismatch is excused when llama.cpp's log-prob gap
 * between its pick and ours is below it. If llama.cpp was fed our tokens (ref.followed), the comparison
 * goes on along our continuation; otherwise it stops there, as the two continuations diverge.
 * Returns {ok, steps, maxDiff, meanDiff, maxAt, note, detail[]}.
 */
export function compareGeneration(ref, ours, {tol, tieLimit = NEAR_TIE, eos = null}) {
    const detail = [];
    let maxDiff = 0, maxAt = null, sum = 0, count = 0;
    const n = ref.tokens.length;
    const ourTokens = ours.tokens ?? [];
    const alts = ours.alternatives ?? [];
    let note = "";
    let steps = 0;
    const ties = [];
    const out = (ok) => {
        if (ties.length && ref.followed) note = [note, `near-tie picks at step ${ties.join(", ")}`].filter(Boolean).join("; ");
        return {ok: ok && detail.length === 0, steps, maxDiff, meanDiff: count ? sum / count : 0, maxAt, note, detail, ties: ties.length};
    };
    const see = (d, step, token, llama, oursLp) => {
        if (d > maxDiff) {
            maxDiff = d;
            maxAt = {step, token, llama, ours: oursLp};
        }
    };
    for (let i = 0; i < n; i++) {
        const r = ref.steps[i];
        if (i >= ourTokens.length) {
            // We stopped early: at EOS (llama.cpp does not stop), which is right only if llama.cpp picked
            // EOS here too, or EOS is within a near-tie of its pick.
            const eosEntry = r.top.find((e) => e.token === eos);
            if (ours.stop_reason === "eos" && (r.token === eos || (eosEntry && r.top[0].logprob - eosEntry.logprob < tieLimit))) {
                note = `both stop at EOS at step ${i}`;
                break;
            }
            detail.push(ours.stop_reason === "eos"
                ? `step ${i}: we stopped at EOS, llama.cpp picks ${r.token} ${show(r.top[0].piece)} (EOS ${eosEntry ? "logprob " + fmt(eosEntry.logprob) : "not in its top-5"})`
                : `step ${i}: we produced only ${ourTokens.length} tokens (stop: ${ours.stop_reason})`);
            return out(false);
        }
        steps = i + 1;
        // Log-probabilities of llama.cpp's top-5 under our model.
        const ourLp = new Map((alts[i] ?? []).map((e) => [e.token, Math.log(e.prob)]));
        const ourFloor = alts[i]?.length ? Math.log(alts[i][alts[i].length - 1].prob) : -Infinity;
        for (const e of r.top) {
            // Below our top-40, a token's log-prob is at most our 40th: the difference is at least this.
            const d = ourLp.has(e.token) ? Math.abs(ourLp.get(e.token) - e.logprob) : Math.max(0, e.logprob - ourFloor);
            see(d, i, e.token, e.logprob, ourLp.get(e.token) ?? null);
            sum += d;
            count++;
            if (d > tol) detail.push(`step ${i} token ${e.token} ${show(e.piece)}: logprob ours ${ourLp.has(e.token) ? fmt(ourLp.get(e.token)) : "< " + fmt(ourFloor)} vs llama.cpp ${fmt(e.logprob)} (|d| ${fmt(d)} > ${tol})`);
        }
        if (ourTokens[i] !== r.token) {
            const theirs = r.top.find((e) => e.token === ourTokens[i]);
            const gap = theirs ? r.top[0].logprob - theirs.logprob : Infinity;
            if (gap < tieLimit) {
                ties.push(`${i} (gap ${fmt(gap)})`);
                if (ref.followed) continue;  // llama.cpp was fed our tokens: same context, go on
                note = `near-tie at step ${i}, gap ${fmt(gap)}: stopped`;
                break;
            }
            detail.push(`step ${i}: greedy token ours ${ourTokens[i]} vs llama.cpp ${r.token} ${show(r.top[0].piece)} (llama.cpp's gap to ours ${theirs ? fmt(gap) : "> its top-5"})`);
            break;
        }
    }
    // Step 0 again: our top-40 against llama.cpp's whole distribution (small vocabularies).
    if (ref.first_probs && alts[0] && ourTokens.length > 0) {
        for (const e of alts[0]) {
            const p = ref.first_probs[e.token];
            if (!(p > 1e-6)) continue;  // log-probs of tiny probabilities are all rounding
            const d = Math.abs(Math.log(e.prob) - Math.log(p));
            see(d, 0, e.token, Math.log(p), Math.log(e.prob));
            if (d > tol) detail.push(`step 0 (whole distribution) token ${e.token}: logprob ours ${fmt(Math.log(e.prob))} vs llama.cpp ${fmt(Math.log(p))} (|d| ${fmt(d)} > ${tol})`);
        }
    }
    return out(true);
}

// ---- main ---------------------------------------------------------------------------------------
async function main() {
    const o = parseArgs(process.argv.slice(2));
    if (!fs.existsSync(path.join(conformanceDir, "node_modules", "node-llama-cpp", "package.json"))) {
        console.error(`error: node-llama-cpp is not installed: run \`npm ci --ignore-scripts\` in ${conformanceDir}`);
        console.log("0 passed, 1 failed");
        process.exit(2);
    }
    const oracle = await import("./oracle.mjs");
    const t0 = Date.now();
    const results = [];
    const byType = {};
    let passed = 0, failed = 0;
    const report = (c) => {
        results.push(c);
        if (c.ok) passed++;
        else failed++;
        console.log(`${c.ok ? "PASS" : "FAIL"} ${c.kind} ${c.model} ${c.prompt}${c.summary ? ": " + c.summary : ""}`);
        if (!c.ok || o.verbose) for (const d of (c.detail ?? []).slice(0, 8)) console.log(`     ${d}`);
        if (c.type && c.exact) {
            const t = (byType[c.type] ??= {cases: 0, steps: 0, exactMax: 0, exactWhere: "", directMax: null, directMean: null, directWhere: "", directAgree: 0, directCases: 0});
            t.cases++;
            t.steps += c.exact.steps;
            if (c.exact.maxDiff >= t.exactMax) Object.assign(t, {exactMax: c.exact.maxDiff, exactWhere: `${c.model} ${c.prompt}`});
            if (c.direct) {
                if (c.direct.maxDiff >= (t.directMax ?? 0)) Object.assign(t, {directMax: c.direct.maxDiff, directWhere: `${c.model} ${c.prompt}`});
                t.directMean = Math.max(t.directMean ?? 0, c.direct.meanDiff);
                t.directCases++;
                if (c.direct.maxDiff < 1e-4) t.directAgree++;  // the same computation, to rounding of the sums
            }
        }
    };
    const want = (label) => !o.filter || o.filter.test(label);

    const prompts = [...PROMPTS, ...randomStrings(o.randomCount)];

    // 1. Vocab-only files: tokenization.
    const vocabDir = path.join(o.models, "vocab");
    const vocabFiles = fs.existsSync(vocabDir) ? fs.readdirSync(vocabDir).filter((f) => f.endsWith(".gguf")).sort() : [];
    for (const f of vocabFiles) {
        const label = `vocab/${f}`;
        if (!want(label)) continue;
        const file = path.join(vocabDir, f);
        let strings = [];
        const inp = file + ".inp";
        if (fs.existsSync(inp)) {
            const parts = fs.readFileSync(inp, "utf8").split("\n__ggml_vocab_test__\n");
            parts.pop();
            strings = parts.map((text, i) => ({name: `inp#${i}`, text}));
        }
        strings.push(...prompts);
        let model;
        try {
            model = await oracle.loadModel(file, {vocabOnly: true, threads: o.oracleThreads});
        } catch (e) {
            report({kind: "tokenize", model: label, prompt: "(load)", ok: false, detail: [`llama.cpp cannot load it: ${e.message}`]});
            continue;
        }
        for (const s of strings) {
            const ref = oracle.tokenize(model, s.text);
            const ours = runJson(o.cli, ["tokenize", file, `--text=${s.text}`, "--json"]);
            if (!ours.ok) {
                report({kind: "tokenize", model: label, prompt: s.name, ok: false, detail: [`glassbox-cli: ${ours.error}`]});
                continue;
            }
            const ok = same(ours.json.tokens ?? [], ref);
            const i = firstDiff(ours.json.tokens ?? [], ref);
            report({kind: "tokenize", model: label, prompt: s.name, ok, summary: `${ref.length} tokens`,
                detail: ok ? [] : [`text ${show(s.text)}`, `first difference at ${i}: ours [${(ours.json.tokens ?? []).slice(i, i + 8)}] llama.cpp [${ref.slice(i, i + 8)}]`]});
        }
        await model.dispose();
    }

    // 2. Models: shared files, then random-weight ones written now.
    const tmp = o.keepModels ? (fs.mkdirSync(o.keepModels, {recursive: true}), o.keepModels) : fs.mkdtempSync(path.join(os.tmpdir(), "glassbox-conf-"));
    const models = fs.readdirSync(o.models).filter((f) => f.endsWith(".gguf")).sort()
        .map((f) => ({name: f, file: path.join(o.models, f), n: o.n}));
    if (o.makeModel) {
        const donor = path.join(o.models, "stories260K-f32.gguf");
        for (const m of RANDOM_MODELS) {
            if (!want(m.name)) continue;
            const file = path.join(tmp, `${m.name}.gguf`);
            const r = run(o.makeModel, [file, ...m.args, "--type", m.type, "--vocab-from", donor, "--seed", "7", "--name", m.name]);
            if (!r.ok) {
                report({kind: "make-model", model: m.name, prompt: "", ok: false, detail: [r.error]});
                continue;
            }
            models.push({name: m.name, file, n: Math.min(o.n, 16), exactOnly: m.exactOnly});
        }
    }

    for (const m of models) {
        if (!want(m.name)) continue;
        let exactModel, directModel = null, type;
        try {
            const g = readGguf(m.file);
            type = dominantType(g);
            let exactFile = m.file;
            if (type !== "F32") {
                exactFile = path.join(tmp, `${path.basename(m.name, ".gguf")}.dequantized-f32.gguf`);
                writeDequantized(g, exactFile);
            }
            exactModel = await oracle.loadModel(exactFile, {threads: o.oracleThreads});
            if (type !== "F32" && !m.exactOnly) directModel = await oracle.loadModel(m.file, {threads: o.oracleThreads});
        } catch (e) {
            report({kind: "generate", model: m.name, prompt: "(load)", ok: false, detail: [`llama.cpp cannot load it: ${e.message}`]});
            continue;
        }
        const dt = directTol(type);
        const ctxTrain = exactModel.trainContextSize;
        for (const p of prompts) {
            const base = {kind: "generate", model: m.name, prompt: `${p.name} [${type}]`, type};
            const promptTokens = oracle.tokenize(exactModel, p.text);
            const n = Math.max(1, Math.min(m.n, ctxTrain - promptTokens.length));
            const ctx = promptTokens.length + n + 8;
            const generate = (...extra) => runJson(o.cli, ["generate", m.file, `--prompt=${p.text}`, "-n", String(n), "--temp", "0",
                "--json", "--top-alternatives", String(OUR_TOP), "--threads", String(o.threads), "--ctx", String(ctx), ...extra]);
            const ours = generate();
            // The exact check needs the exact mode where the default rounds activations.
            const oursExact = INT8_TYPES.has(type) ? generate("--f32-activations") : ours;
            if (!ours.ok || !oursExact.ok) {
                report({...base, ok: false, detail: [`glassbox-cli: ${ours.ok ? oursExact.error : ours.error}`]});
                continue;
            }
            const ourPrompt = ours.json.prompt_tokens ?? [];
            if (!same(ourPrompt, promptTokens)) {
                const i = firstDiff(ourPrompt, promptTokens);
                report({...base, ok: false, summary: "prompt tokenization differs",
                    detail: [`text ${show(p.text)}`, `first difference at ${i}: ours [${ourPrompt.slice(i, i + 8)}] llama.cpp [${promptTokens.slice(i, i + 8)}]`]});
                continue;
            }
            const t = performance.now();
            // llama.cpp follows our tokens (teacher forcing), so a near-tie does not end the comparison.
            const opts = {n, k: TOP, threads: o.oracleThreads, kvType: o.kvType, follow: ours.json.tokens ?? []};
            const refExact = await oracle.greedy(exactModel, promptTokens, {...opts, follow: oursExact.json.tokens ?? []});
            const refDirect = directModel ? await oracle.greedy(directModel, promptTokens, opts) : null;
            clock.oracle += performance.now() - t;
            const eos = exactModel.tokens.eos;
            const exact = compareGeneration(refExact, oursExact.json, {tol: EXACT_TOL, eos});
            let summary = `${promptTokens.length}+${exact.steps}/${n} steps${exact.note ? " (" + exact.note + ")" : ""}, exact max ${fmt(exact.maxDiff)}`;
            const detail = exact.detail.map((d) => `exact: ${d}`);
            let direct = null;
            if (refDirect) {
                direct = compareGeneration(refDirect, ours.json, {tol: dt.max, tieLimit: Math.max(NEAR_TIE, 2 * dt.max), eos});
                if (direct.meanDiff > dt.mean) {
                    direct.ok = false;
                    direct.detail.push(`mean |d logprob| ${fmt(direct.meanDiff)} > ${dt.mean}`);
                }
                summary += `; llama.cpp-${type} max ${fmt(direct.maxDiff)} mean ${fmt(direct.meanDiff)} over ${direct.steps} steps`;
                detail.push(...direct.detail.map((d) => `llama.cpp-${type}: ${d}`));
            } else if (type !== "F32") summary += `; llama.cpp-${type} skipped (${m.exactOnly})`;
            report({...base, ok: exact.ok && (direct?.ok ?? true), summary, detail, exact, direct});
        }
        await exactModel.dispose();
        if (directModel) await directModel.dispose();
    }
    await oracle.closeLlama();
    if (!o.keepModels) fs.rmSync(tmp, {recursive: true, force: true});

    console.log(`\nlargest |log p_ours - log p_llama.cpp| per weight type (llama.cpp's top-5 at every compared step):`);
    console.log(`  type   exact (tol ${EXACT_TOL})   direct max / mean (tol)`);
    for (const [type, t] of Object.entries(byType)) {
        const dt = directTol(type);
        const direct = t.directMax === null ? "—" : `${fmt(t.directMax)} / ${fmt(t.directMean)} (${dt.max} / ${dt.mean}; worst ${t.directWhere}; ` +
            `${t.directAgree}/${t.directCases} runs within 1e-4)`;
        console.log(`  ${type.padEnd(5)}  ${fmt(t.exactMax)}          ${direct}   [${t.cases} cases, ${t.steps} steps]`);
    }
    console.log(`time ${((Date.now() - t0) / 1000).toFixed(1)} s (glassbox-cli ${(clock.cli / 1000).toFixed(1)} s, llama.cpp generation ${(clock.oracle / 1000).toFixed(1)} s), llama.cpp KV cache ${o.kvType.toUpperCase()}, threads: ours ${o.threads}, llama.cpp ${o.oracleThreads}`);
    if (o.report) fs.writeFileSync(o.report, JSON.stringify({byType, results}, null, 1));
    console.log(`${passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().then(
        (code) => process.exit(code),
        (e) => {
            console.error(`error: ${e.stack ?? e}`);
            console.log("0 passed, 1 failed");
            process.exit(1);
        },
    );
}

#!/usr/bin/env node
// llama.cpp as a reference ("oracle"), through the prebuilt binaries of npm node-llama-cpp 3.22.1.
//
// As a program (prints one JSON object on stdout):
//   node oracle.mjs MODEL.gguf --prompt TEXT [-n 32] [--top-k 5] [--threads 2] [--ctx C] [--kv-type f16|f32]
//   node oracle.mjs MODEL.gguf --prompt-tokens 1,450,1000 [-n 32] [--follow ID,ID,…] …
//   node oracle.mjs MODEL.gguf --vocab-only --text T [--text T2 …]        tokenization only
//     → generation: {"model","n_vocab","bos","eos","prompt_tokens","tokens","pieces","text",
//                    "steps":[{"token","top":[{"token","piece","logit","logprob","prob"}…]}…],
//                    "first_probs":[…n_vocab floats…] (only for vocabularies of at most 4096 tokens)}
//     → tokenization: {"model","n_vocab","bos","eos","add_bos","add_eos","results":[{"text","tokens","pieces"}…]}
// As a module (compare.mjs and bench/compare.mjs use it in-process, loading llama.cpp once):
//   openLlama(), loadModel(), tokenize(), greedy(), closeLlama(), readGgufFileInfo().
//
// Semantics, chosen to be exactly llama.cpp's:
// * Tokenization is llama_tokenize(text, add_special = true, parse_special = true). node-llama-cpp's
//   model.tokenize(text, true) is common_tokenize(add_special = false, parse_special = true); llama.cpp's
//   add_special only adds BOS in front (if tokenizer.ggml.add_bos_token, default true for SPM) and EOS at
//   the end (if add_eos_token) around exactly the same ids for SPM and BPE vocabularies, so we add those.
// * Greedy = argmax of the raw logits (lowest id on exact ties, as llama_sampler_greedy), never stopping
//   at EOS. The logits are llama.cpp's raw output rows (generateNext.logits with a sampler chain that is
//   just the greedy sampler, which does not modify them); log-probabilities are computed here in double.
// * CPU only (gpu: false), never builds or downloads (build: "never", skipDownload: true, no progress
//   logs): it works after `npm ci --ignore-scripts`, the binaries come from @node-llama-cpp/linux-x64.
// * KV cache type: llama.cpp's default is F16, which moves its logits away from exact f32 arithmetic by
//   up to ~0.006 on the shared models. kvType "f32" (the default here) removes that error source so that
//   the comparison can be tighter; "f16" reproduces what llama.cpp users get.
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
export {readGgufFileInfo} from "node-llama-cpp";
import {fileURLToPath} from "node:url";

export const FULL_PROBS_MAX_VOCAB = 4096;

let llamaPromise = null;
let quietLoadErrors = false;

/** The llama.cpp binding, loaded once, CPU only, offline, silent. */
export function openLlama({threads = 2} = {}) {
    if (!llamaPromise) {
        llamaPromise = getLlama({
            gpu: false,
            build: "never",
            skipDownload: true,
            usePrebuiltBinaries: true,
            progressLogs: false,
            maxThreads: Math.max(threads, 1),
            logLevel: LlamaLogLevel.error,
            logger: (level, message) => {
                if (level !== LlamaLogLevel.error && level !== LlamaLogLevel.fatal) return;
                // Before a load, node-llama-cpp estimates memory with a trial load of the hyperparameters,
                // which fails (harmlessly) for vocab-only files; a real failure makes loadModel() throw.
                if (quietLoadErrors && /llama_model_load|failed to load model/.test(message)) return;
                process.stderr.write(`[llama.cpp] ${message}`);
            },
        });
    }
    return llamaPromise;
}

export async function closeLlama() {
    if (!llamaPromise) return;
    const llama = await llamaPromise;
    llamaPromise = null;
    await llama.dispose();
}

export async function loadModel(path, {vocabOnly = false, threads = 2} = {}) {
    const llama = await openLlama({threads});
    quietLoadErrors = vocabOnly;
    try {
        return await llama.loadModel({modelPath: path, vocabOnly, gpuLayers: 0, useMmap: true, checkTensors: false});
    } finally {
        quietLoadErrors = false;
    }
}

function nVocab(model) {
    // Vocab-only models have no fileInsights tensor info; the tokenizer's size is what we want anyway.
    let n = 0;
    for (const _ of model.iterateAllTokens()) n++;
    return n;
}

export function piece(model, token) {
    return model.detokenize([token], true);
}

/** llama_tokenize(text, add_special = true, parse_special = true). */
export function tokenize(model, text, {addSpecial = true} = {}) {
    const ids = Array.from(model.tokenize(text, true));
    if (!addSpecial) return ids;
    const t = model.tokens;
    const out = [];
    if (t.shouldPrependBosToken && t.bos != null) out.push(t.bos);
    out.push(...ids);
    if (t.shouldAppendEosToken && t.eos != null) out.push(t.eos);
    return out;
}

function logSoftmax(logitMap, vocab) {
    const logits = new Float64Array(vocab).fill(-Infinity);
    let max = -Infinity;
    for (const [tok, l] of logitMap) {
        logits[tok] = l;
        if (l > max) max = l;
    }
    let sum = 0;
    for (let i = 0; i < vocab; i++) if (logits[i] !== -Infinity) sum += Math.exp(logits[i] - max);
    const lse = max + Math.log(sum);
    return {logits, lse};
}

function argmax(logits) {
    let best = 0;
    for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
    return best;
}

function topK(logits, lse, k) {
    const idx = Array.from(logits.keys()).filter((i) => logits[i] !== -Infinity);
    idx.sort((a, b) => logits[b] - logits[a] || a - b);
    return idx.slice(0, k).map((i) => ({token: i, logit: logits[i], logprob: logits[i] - lse, prob: Math.exp(logits[i] - lse)}));
}

/**
 * Evaluates the prompt in one go from an empty context, then N greedy single-token steps.
 * Returns per step llama.cpp's argmax and its top-K (token, raw logit, log-prob, prob).
 * follow: feed these tokens instead of llama.cpp's own picks (teacher forcing: its distributions are
 * then those along another engine's continuation, which keeps two runs comparable past a near-tie);
 * `tokens` still holds llama.cpp's argmax at each step, and there are at most follow.length + 1 steps.
 */
export async function greedy(model, promptTokens, {n = 32, k = 5, threads = 2, ctx = 0, kvType = "f32", flashAttention = false, fullFirst = true, follow = null} = {}) {
    if (follow) n = Math.min(n, follow.length + 1);
    if (promptTokens.length === 0) throw new Error("greedy: empty prompt");
    const vocab = nVocab(model);
    const contextSize = Math.max(ctx || 0, promptTokens.length + n + 8, 64);
    const kv = kvType.toUpperCase();
    const context = await model.createContext({
        contextSize,
        batchSize: Math.max(promptTokens.length, 32),
        sequences: 1,
        threads: {ideal: threads, min: threads},
        flashAttention,
        experimentalKvCacheKeyType: kv,
        experimentalKvCacheValueType: kv,
    });
    try {
        const seq = context.getSequence();
        const want = {generateNext: {logits: true}};
        const input = promptTokens.map((t, i) => (i === promptTokens.length - 1 ? [t, want] : t));
        let res = await seq.controlledEvaluate(input);
        let out = res[res.length - 1];
        const steps = [];
        const tokens = [];
        let firstProbs = null;
        for (let step = 0; step < n; step++) {
            if (!out?.next?.logits) throw new Error(`no logits at step ${step}`);
            const {logits, lse} = logSoftmax(out.next.logits, vocab);
            const tok = argmax(logits);
            if (step === 0 && fullFirst && vocab <= FULL_PROBS_MAX_VOCAB)
                firstProbs = Array.from(logits, (l) => Math.exp(l - lse));
            const top = topK(logits, lse, k).map((e) => ({...e, piece: piece(model, e.token)}));
            steps.push({token: tok, top});
            tokens.push(tok);
            if (step + 1 === n) break;
            res = await seq.controlledEvaluate([[follow ? follow[step] : tok, want]]);
            out = res[0];
        }
        const result = {
            n_vocab: vocab,
            bos: model.tokens.bos ?? null,
            eos: model.tokens.eos ?? null,
            prompt_tokens: promptTokens,
            tokens,
            ...(follow ? {followed: follow.slice(0, tokens.length - 1)} : {}),
            pieces: tokens.map((t) => piece(model, t)),
            text: model.detokenize(tokens, false),
            steps,
        };
        if (firstProbs) result.first_probs = firstProbs;
        return result;
    } finally {
        await context.dispose();
    }
}

// ---- command line ------------------------------------------------------------------------------

function parseArgs(argv) {
    const o = {texts: [], n: 32, k: 5, threads: 2, ctx: 0, kvType: "f32", vocabOnly: false};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const val = () => {
            if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
            return argv[++i];
        };
        if (a === "--prompt") o.prompt = val();
        else if (a === "--prompt-tokens") o.promptTokens = val().split(/[ ,]+/).filter(Boolean).map(Number);
        else if (a === "--text") o.texts.push(val());
        else if (a === "--follow") o.follow = val().split(/[ ,]+/).filter(Boolean).map(Number);
        else if (a === "-n") o.n = Number(val());
        else if (a === "--top-k") o.k = Number(val());
        else if (a === "--threads") o.threads = Number(val());
        else if (a === "--ctx") o.ctx = Number(val());
        else if (a === "--kv-type") o.kvType = val();
        else if (a === "--vocab-only") o.vocabOnly = true;
        else if (a === "-h" || a === "--help") o.help = true;
        else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
        else if (!o.model) o.model = a;
        else throw new Error(`unexpected argument ${a}`);
    }
    return o;
}

const USAGE = `usage: node oracle.mjs MODEL.gguf (--prompt TEXT | --prompt-tokens 1,2,3) [-n 32] [--top-k 5]
                          [--threads 2] [--ctx C] [--kv-type f32|f16] [--follow 5,6,7]
       node oracle.mjs MODEL.gguf --vocab-only --text TEXT [--text TEXT …]`;

async function main() {
    let o;
    try {
        o = parseArgs(process.argv.slice(2));
    } catch (e) {
        console.error(`error: ${e.message}\n${USAGE}`);
        return 2;
    }
    if (o.help) {
        console.log(USAGE);
        return 0;
    }
    if (!o.model || (!o.vocabOnly && o.prompt === undefined && !o.promptTokens) || (o.vocabOnly && o.texts.length === 0)) {
        console.error(USAGE);
        return 2;
    }
    const model = await loadModel(o.model, {vocabOnly: o.vocabOnly, threads: o.threads});
    const head = {model: o.model, n_vocab: nVocab(model), bos: model.tokens.bos ?? null, eos: model.tokens.eos ?? null};
    let out;
    if (o.vocabOnly) {
        out = {
            ...head,
            add_bos: model.tokens.shouldPrependBosToken,
            add_eos: model.tokens.shouldAppendEosToken,
            results: o.texts.map((text) => {
                const tokens = tokenize(model, text);
                return {text, tokens, pieces: tokens.map((t) => piece(model, t))};
            }),
        };
    } else {
        const prompt = o.promptTokens ?? tokenize(model, o.prompt);
        out = {...head, ...(await greedy(model, prompt, o))};
        if (o.prompt !== undefined) out.prompt = o.prompt;
    }
    process.stdout.write(JSON.stringify(out) + "\n");
    await model.dispose();
    await closeLlama();
    return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === (await import("node:fs")).realpathSync(process.argv[1])) {
    main().then(
        (code) => process.exit(code),
        (e) => {
            console.error(`error: ${e.stack ?? e}`);
            process.exit(1);
        },
    );
}

// A minimal GGUF reader/writer and dequantizer, independent of the engine under test, used to turn a
// quantized GGUF into an all-F32 copy with exactly the same weight values. llama.cpp on that copy
// computes the quantized model without rounding its activations to 8 bits (which it does whenever the
// weights are quantized), so our output can be held to F32 tolerances against it.
//
// The block layouts and dequantization formulas follow ggml (ggml-quants.c, dequantize_row_*), one to
// one, in float arithmetic (Math.fround) like the C code. They were checked bit for bit against the
// dequantize_row_* functions of the libggml-base.so shipped in @node-llama-cpp/linux-x64.
import fs from "node:fs";

// ggml type id -> [name, elements per block, bytes per block]
export const GGML_TYPES = {
    0: ["F32", 1, 4], 1: ["F16", 1, 2], 2: ["Q4_0", 32, 18], 3: ["Q4_1", 32, 20], 6: ["Q5_0", 32, 22], 7: ["Q5_1", 32, 24],
    8: ["Q8_0", 32, 34], 10: ["Q2_K", 256, 84], 11: ["Q3_K", 256, 110], 12: ["Q4_K", 256, 144], 13: ["Q5_K", 256, 176],
    14: ["Q6_K", 256, 210], 30: ["BF16", 1, 2],
};

const f = Math.fround;

function halfToFloat(h) {
    const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
    if (e === 0) return s * m * 2 ** -24;
    if (e === 31) return m ? NaN : s * Infinity;
    return s * (1 + m / 1024) * 2 ** (e - 15);
}

// ---- reading ----------------------------------------------------------------------------------------
class Reader {
    constructor(buf) {
        this.b = buf;
        this.dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        this.p = 0;
    }
    u8() { return this.b[this.p++]; }
    u32() { const v = this.dv.getUint32(this.p, true); this.p += 4; return v; }
    u64() { const v = this.dv.getBigUint64(this.p, true); this.p += 8; return Number(v); }
    str() { const n = this.u64(); const s = this.b.toString("utf8", this.p, this.p + n); this.p += n; return s; }
    value(type) {
        switch (type) {
            case 0: case 1: case 7: { const v = type === 1 ? this.dv.getInt8(this.p) : this.b[this.p]; this.p += 1; return v; }
            case 2: { const v = this.dv.getUint16(this.p, true); this.p += 2; return v; }
            case 3: { const v = this.dv.getInt16(this.p, true); this.p += 2; return v; }
            case 4: return this.u32();
            case 5: { const v = this.dv.getInt32(this.p, true); this.p += 4; return v; }
            case 6: { const v = this.dv.getFloat32(this.p, true); this.p += 4; return v; }
            case 8: return this.str();
            case 9: {
                const t = this.u32(), n = this.u64();
                if (t !== 8 && t !== 9) {  // fixed-size items: skip them in one go
                    const size = {0: 1, 1: 1, 7: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 10: 8, 11: 8, 12: 8}[t];
                    this.p += size * n;
                    return {arrayOf: t, length: n};
                }
                for (let i = 0; i < n; i++) this.value(t);
                return {arrayOf: t, length: n};
            }
            case 10: return this.u64();
            case 11: { const v = Number(this.dv.getBigInt64(this.p, true)); this.p += 8; return v; }
            case 12: { const v = this.dv.getFloat64(this.p, true); this.p += 8; return v; }
            default: throw new Error(`GGUF: unknown value type ${type}`);
        }
    }
}

export function readGguf(file) {
    const buf = fs.readFileSync(file);
    const r = new Reader(buf);
    if (buf.toString("latin1", 0, 4) !== "GGUF") throw new Error(`${file}: not a GGUF file`);
    r.p = 4;
    const version = r.u32();
    if (version < 2) throw new Error(`${file}: GGUF version ${version} is not supported`);
    const nTensors = r.u64(), nKv = r.u64();
    const metadata = {};
    for (let i = 0; i < nKv; i++) {
        const key = r.str();
        metadata[key] = r.value(r.u32());
    }
    const kvEnd = r.p;
    const tensors = [];
    for (let i = 0; i < nTensors; i++) {
        const name = r.str();
        const nd = r.u32();
        const dims = [];
        for (let d = 0; d < nd; d++) dims.push(r.u64());
        tensors.push({name, dims, type: r.u32(), offset: r.u64()});
    }
    const alignment = Number(metadata["general.alignment"] ?? 32);
    const dataStart = Math.ceil(r.p / alignment) * alignment;
    for (const t of tensors) {
        const tt = GGML_TYPES[t.type];
        if (!tt) throw new Error(`${file}: tensor ${t.name} has ggml type ${t.type}, which this reader does not know`);
        t.elements = t.dims.reduce((a, b) => a * b, 1);
        t.bytes = (t.elements / tt[1]) * tt[2];
        t.data = buf.subarray(dataStart + t.offset, dataStart + t.offset + t.bytes);
    }
    return {buf, version, metadata, kvEnd, tensors, alignment};
}

// ---- dequantization (ggml-quants.c) -------------------------------------------------------------------
function getScaleMinK4(j, q, o) {  // q: the 12 scale bytes
    if (j < 4) return [q[o + j] & 63, q[o + j + 4] & 63];
    return [(q[o + j + 4] & 0xf) | ((q[o + j - 4] >> 6) << 4), (q[o + j + 4] >> 4) | ((q[o + j] >> 6) << 4)];
}

export function dequantize(type, src, n) {
    const y = new Float32Array(n);
    const dv = new DataView(src.buffer, src.byteOffset, src.byteLength);
    const h = (o) => halfToFloat(dv.getUint16(o, true));
    const i8 = (o) => dv.getInt8(o);
    const [, qk, bs] = GGML_TYPES[type];
    const nb = n / qk;
    let k = 0;
    switch (type) {
        case 0: for (let i = 0; i < n; i++) y[i] = dv.getFloat32(4 * i, true); break;
        case 1: for (let i = 0; i < n; i++) y[i] = h(2 * i); break;
        case 30: {  // BF16: the upper half of an f32
            const u = new Uint32Array(1), fl = new Float32Array(u.buffer);
            for (let i = 0; i < n; i++) {
                u[0] = dv.getUint16(2 * i, true) << 16;
                y[i] = fl[0];
            }
        } break;
        case 2: for (let b = 0; b < nb; b++) {  // Q4_0
            const o = b * bs, d = h(o);
            for (let j = 0; j < 16; j++) {
                y[k + j] = f(((src[o + 2 + j] & 0xf) - 8) * d);
                y[k + j + 16] = f(((src[o + 2 + j] >> 4) - 8) * d);
            }
            k += 32;
        } break;
        case 3: for (let b = 0; b < nb; b++) {  // Q4_1
            const o = b * bs, d = h(o), m = h(o + 2);
            for (let j = 0; j < 16; j++) {
                y[k + j] = f(f((src[o + 4 + j] & 0xf) * d) + m);
                y[k + j + 16] = f(f((src[o + 4 + j] >> 4) * d) + m);
            }
            k += 32;
        } break;
        case 6: for (let b = 0; b < nb; b++) {  // Q5_0
            const o = b * bs, d = h(o), qh = dv.getUint32(o + 2, true);
            for (let j = 0; j < 16; j++) {
                const xh0 = ((qh >>> j) << 4) & 0x10, xh1 = (qh >>> (j + 12)) & 0x10;
                y[k + j] = f((((src[o + 6 + j] & 0xf) | xh0) - 16) * d);
                y[k + j + 16] = f((((src[o + 6 + j] >> 4) | xh1) - 16) * d);
            }
            k += 32;
        } break;
        case 7: for (let b = 0; b < nb; b++) {  // Q5_1
            const o = b * bs, d = h(o), m = h(o + 2), qh = dv.getUint32(o + 4, true);
            for (let j = 0; j < 16; j++) {
                const xh0 = ((qh >>> j) << 4) & 0x10, xh1 = (qh >>> (j + 12)) & 0x10;
                y[k + j] = f(f(((src[o + 8 + j] & 0xf) | xh0) * d) + m);
                y[k + j + 16] = f(f(((src[o + 8 + j] >> 4) | xh1) * d) + m);
            }
            k += 32;
        } break;
        case 8: for (let b = 0; b < nb; b++) {  // Q8_0
            const o = b * bs, d = h(o);
            for (let j = 0; j < 32; j++) y[k + j] = f(i8(o + 2 + j) * d);
            k += 32;
        } break;
        case 10: for (let b = 0; b < nb; b++) {  // Q2_K: scales[16] qs[64] d dmin
            const o = b * bs, d = h(o + 80), min = h(o + 82);
            let q = o + 16, is = 0;
            for (let nn = 0; nn < 256; nn += 128) {
                let shift = 0;
                for (let j = 0; j < 4; j++) {
                    let sc = src[o + is++];
                    let dl = f(d * (sc & 0xf)), ml = f(min * (sc >> 4));
                    for (let l = 0; l < 16; l++) y[k++] = f(f(dl * ((src[q + l] >> shift) & 3)) - ml);
                    sc = src[o + is++];
                    dl = f(d * (sc & 0xf)); ml = f(min * (sc >> 4));
                    for (let l = 0; l < 16; l++) y[k++] = f(f(dl * ((src[q + l + 16] >> shift) & 3)) - ml);
                    shift += 2;
                }
                q += 32;
            }
        } break;
        case 11: for (let b = 0; b < nb; b++) {  // Q3_K: hmask[32] qs[64] scales[12] d
            const o = b * bs, dAll = h(o + 108);
            const a = [0, 1, 2].map((w) => dv.getUint32(o + 96 + 4 * w, true));
            const km1 = 0x03030303, km2 = 0x0f0f0f0f, tmp = a[2];
            const aux = [
                ((a[0] & km2) | (((tmp >>> 0) & km1) << 4)) >>> 0,
                ((a[1] & km2) | (((tmp >>> 2) & km1) << 4)) >>> 0,
                (((a[0] >>> 4) & km2) | (((tmp >>> 4) & km1) << 4)) >>> 0,
                (((a[1] >>> 4) & km2) | (((tmp >>> 6) & km1) << 4)) >>> 0,
            ];
            const scales = new Int8Array(new Uint32Array(aux).buffer);
            let q = o + 32, is = 0, m = 1;
            for (let nn = 0; nn < 256; nn += 128) {
                let shift = 0;
                for (let j = 0; j < 4; j++) {
                    let dl = f(dAll * (scales[is++] - 32));
                    for (let l = 0; l < 16; l++) y[k++] = f(dl * (((src[q + l] >> shift) & 3) - (src[o + l] & m ? 0 : 4)));
                    dl = f(dAll * (scales[is++] - 32));
                    for (let l = 0; l < 16; l++) y[k++] = f(dl * (((src[q + l + 16] >> shift) & 3) - (src[o + l + 16] & m ? 0 : 4)));
                    shift += 2;
                    m <<= 1;
                }
                q += 32;
            }
        } break;
        case 12: for (let b = 0; b < nb; b++) {  // Q4_K: d dmin scales[12] qs[128]
            const o = b * bs, d = h(o), min = h(o + 2);
            let q = o + 16, is = 0;
            for (let j = 0; j < 256; j += 64) {
                let [sc, m] = getScaleMinK4(is, src, o + 4);
                const d1 = f(d * sc), m1 = f(min * m);
                [sc, m] = getScaleMinK4(is + 1, src, o + 4);
                const d2 = f(d * sc), m2 = f(min * m);
                for (let l = 0; l < 32; l++) y[k++] = f(f(d1 * (src[q + l] & 0xf)) - m1);
                for (let l = 0; l < 32; l++) y[k++] = f(f(d2 * (src[q + l] >> 4)) - m2);
                q += 32;
                is += 2;
            }
        } break;
        case 13: for (let b = 0; b < nb; b++) {  // Q5_K: d dmin scales[12] qh[32] qs[128]
            const o = b * bs, d = h(o), min = h(o + 2), qh = o + 16;
            let ql = o + 48, is = 0, u1 = 1, u2 = 2;
            for (let j = 0; j < 256; j += 64) {
                let [sc, m] = getScaleMinK4(is, src, o + 4);
                const d1 = f(d * sc), m1 = f(min * m);
                [sc, m] = getScaleMinK4(is + 1, src, o + 4);
                const d2 = f(d * sc), m2 = f(min * m);
                for (let l = 0; l < 32; l++) y[k++] = f(f(d1 * ((src[ql + l] & 0xf) + (src[qh + l] & u1 ? 16 : 0))) - m1);
                for (let l = 0; l < 32; l++) y[k++] = f(f(d2 * ((src[ql + l] >> 4) + (src[qh + l] & u2 ? 16 : 0))) - m2);
                ql += 32;
                is += 2;
                u1 <<= 2;
                u2 <<= 2;
            }
        } break;
        case 14: for (let b = 0; b < nb; b++) {  // Q6_K: ql[128] qh[64] scales[16] d
            const o = b * bs, d = h(o + 208);
            let ql = o, qh = o + 128, sc = o + 192;
            for (let nn = 0; nn < 256; nn += 128) {
                for (let l = 0; l < 32; l++) {
                    const is = l >> 4;
                    const q1 = ((src[ql + l] & 0xf) | (((src[qh + l] >> 0) & 3) << 4)) - 32;
                    const q2 = ((src[ql + l + 32] & 0xf) | (((src[qh + l] >> 2) & 3) << 4)) - 32;
                    const q3 = ((src[ql + l] >> 4) | (((src[qh + l] >> 4) & 3) << 4)) - 32;
                    const q4 = ((src[ql + l + 32] >> 4) | (((src[qh + l] >> 6) & 3) << 4)) - 32;
                    y[k + l] = f(f(d * i8(sc + is)) * q1);
                    y[k + l + 32] = f(f(d * i8(sc + is + 2)) * q2);
                    y[k + l + 64] = f(f(d * i8(sc + is + 4)) * q3);
                    y[k + l + 96] = f(f(d * i8(sc + is + 6)) * q4);
                }
                k += 128;
                ql += 64;
                qh += 32;
                sc += 8;
            }
        } break;
        default: throw new Error(`dequantize: ggml type ${type} not supported`);
    }
    return y;
}

// ---- writing ----------------------------------------------------------------------------------------
/** Writes a copy of `src` whose tensors are all F32 (same metadata, same names, same order). */
export function writeDequantized(src, dst) {
    const g = typeof src === "string" ? readGguf(src) : src;
    const parts = [];
    const header = Buffer.from(g.buf.subarray(0, g.kvEnd));  // magic, version, counts, metadata: unchanged
    parts.push(header);
    let offset = 0;
    const datas = [];
    for (const t of g.tensors) {
        const name = Buffer.from(t.name, "utf8");
        const info = Buffer.alloc(8 + name.length + 4 + 8 * t.dims.length + 4 + 8);
        let p = 0;
        info.writeBigUInt64LE(BigInt(name.length), p); p += 8;
        name.copy(info, p); p += name.length;
        info.writeUInt32LE(t.dims.length, p); p += 4;
        for (const d of t.dims) { info.writeBigUInt64LE(BigInt(d), p); p += 8; }
        info.writeUInt32LE(0, p); p += 4;  // GGML_TYPE_F32
        info.writeBigUInt64LE(BigInt(offset), p);
        parts.push(info);
        const data = Buffer.from(dequantize(t.type, t.data, t.elements).buffer);
        const padded = Math.ceil(data.length / g.alignment) * g.alignment;
        datas.push(data, Buffer.alloc(padded - data.length));
        offset += padded;
    }
    let headerLen = parts.reduce((a, b) => a + b.length, 0);
    parts.push(Buffer.alloc(Math.ceil(headerLen / g.alignment) * g.alignment - headerLen));
    fs.writeFileSync(dst, Buffer.concat([...parts, ...datas]));
}

/** The type of most weight bytes among the 2-D+ tensors ("Q4_K", "F32", …). */
export function dominantType(g) {
    const bytes = {};
    for (const t of g.tensors) if (t.dims.length >= 2) bytes[t.type] = (bytes[t.type] ?? 0) + t.bytes;
    const best = Object.entries(bytes).sort((a, b) => b[1] - a[1])[0];
    return best ? GGML_TYPES[best[0]][0] : "F32";
}

#pragma once
// The instruction sets the kernels use, asked of the CPU once, and the function attributes that
// compile a kernel for them (the library itself targets x86-64-v3: AVX2, FMA, F16C).
//
//   GB_AVX512  AVX-512 F/BW/VL/DQ: the f32-activation kernels, activation quantization
//   GB_VNNI    plus AVX512-VNNI (vpdpbusd, vpdpwssd): the 8-bit integer kernels
#define GB_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))
#define GB_VNNI __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx512vnni")))

namespace gb {

inline bool hasAvx512() {
    static const bool ok = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
    return ok;
}

inline bool hasVnni() {
    static const bool ok = hasAvx512() && __builtin_cpu_supports("avx512vnni");
    return ok;
}

}  // namespace gb

#pragma once
// Include LAST in a .cpp whose float arithmetic must round after every operation.
//
// The engine is built with -mfma, and GCC fuses a*b+c into an FMA across statements in
// C++. The reference quantizers compute x*id + 8.5f and then truncate: fusing changes the
// result at ties, so a file quantized here would differ from one llama-quantize writes
// (ggml's quantizers live in ggml-base, which is built without FMA).
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
